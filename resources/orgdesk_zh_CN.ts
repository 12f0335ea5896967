<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AnalysisPanel</name>
    <message>
      <source>Positions</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>Filled</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Vacant</source>
      <translation>空缺</translation>
    </message>
    <message>
      <source>Over</source>
      <translation>超编</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Direct reports</source>
      <translation>直接下属</translation>
    </message>
    <message>
      <source>All under it</source>
      <translation>下级职位总数</translation>
    </message>
    <message>
      <source>Planned under</source>
      <translation>下级定员</translation>
    </message>
    <message>
      <source>Filled under</source>
      <translation>下级在岗</translation>
    </message>
    <message>
      <source>Vacant under</source>
      <translation>下级空缺</translation>
    </message>
    <message>
      <source>Over under</source>
      <translation>下级超编</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Levels</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Span of control</source>
      <translation>管理幅度</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>成本</translation>
    </message>
    <message>
      <source>Labour cost per department: a seat costs the middle of its monthly pay range plus the on-cost; vacancies are planned seats not filled</source>
      <translation>各部门人工成本：每个席位的成本为月薪范围的中位值加社保公积金；空缺指定员中未到岗的席位</translation>
    </message>
    <message>
      <source>Chart</source>
      <translation>图表</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Copy the table shown (or its selected rows) to paste into a spreadsheet</source>
      <translation>复制当前表格（或其选中行），可粘贴到电子表格</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Save the figures as an Excel workbook (every table) or a CSV file (the table shown)</source>
      <translation>将数据另存为 Excel 工作簿（全部表格）或 CSV 文件（当前表格）</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Call-center defaults</source>
      <translation>呼叫中心默认值</translation>
    </message>
    <message>
      <source>{count} agent seat</source>
      <translation>座席员 {count} 名</translation>
    </message>
    <message>
      <source>{count} agent seats</source>
      <translation>座席员 {count} 名</translation>
    </message>
    <message>
      <source>Team leader “{title}” leads {agents}; the rule is {low}–{high}.</source>
      <translation>组长“{title}”带{agents}；规则为 {low}–{high} 名。</translation>
    </message>
    <message>
      <source>Manager “{title}” has {count} direct-report seat; the rule is at most {high}.</source>
      <translation>经理“{title}”的直接下属定员为 {count} 人；规则为最多 {high} 人。</translation>
    </message>
    <message>
      <source>Manager “{title}” has {count} direct-report seats; the rule is at most {high}.</source>
      <translation>经理“{title}”的直接下属定员为 {count} 人；规则为最多 {high} 人。</translation>
    </message>
    <message>
      <source>{count} QA inspector seat for {agents} (“{team}”); one per {low}–{high} agents means {need}.</source>
      <translation>“{team}”有质检员 {count} 名、{agents}；按每 {low}–{high} 名座席员配 1 名质检员，应为 {need} 名。</translation>
    </message>
    <message>
      <source>{count} QA inspector seats for {agents} (“{team}”); one per {low}–{high} agents means {need}.</source>
      <translation>“{team}”有质检员 {count} 名、{agents}；按每 {low}–{high} 名座席员配 1 名质检员，应为 {need} 名。</translation>
    </message>
    <message>
      <source>{count} trainer seat for {agents} (“{team}”); one per {low}–{high} agents means {need}.</source>
      <translation>“{team}”有培训师 {count} 名、{agents}；按每 {low}–{high} 名座席员配 1 名培训师，应为 {need} 名。</translation>
    </message>
    <message>
      <source>{count} trainer seats for {agents} (“{team}”); one per {low}–{high} agents means {need}.</source>
      <translation>“{team}”有培训师 {count} 名、{agents}；按每 {low}–{high} 名座席员配 1 名培训师，应为 {need} 名。</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>Click to go to the position</source>
      <translation>单击转到该职位</translation>
    </message>
    <message>
      <source>No span-of-control violations.</source>
      <translation>没有违反管理幅度规则的职位。</translation>
    </message>
    <message>
      <source>Headcount by department</source>
      <translation>各部门定员</translation>
    </message>
    <message>
      <source>Headcount by level</source>
      <translation>各层级定员</translation>
    </message>
    <message>
      <source>Level {level}</source>
      <translation>第 {level} 层</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>filled</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>{count} position</source>
      <translation>共 {count} 个职位</translation>
    </message>
    <message>
      <source>{count} positions</source>
      <translation>共 {count} 个职位</translation>
    </message>
    <message>
      <source>{count} planned seat</source>
      <translation>定员 {count} 人</translation>
    </message>
    <message>
      <source>{count} planned seats</source>
      <translation>定员 {count} 人</translation>
    </message>
    <message>
      <source>{count} violation</source>
      <translation>违反规则 {count} 处</translation>
    </message>
    <message>
      <source>{count} violations</source>
      <translation>违反规则 {count} 处</translation>
    </message>
    <message>
      <source>{positions}, {planned}, {filled} filled, {vacant} vacant, {over} over; {violations}</source>
      <translation>{positions}，{planned}，在岗 {filled} 人，空缺 {vacant} 人，超编 {over} 人；{violations}</translation>
    </message>
    <message>
      <source>{positions}, {planned}, {filled} filled, {vacant} vacant; {violations}</source>
      <translation>{positions}，{planned}，在岗 {filled} 人，空缺 {vacant} 人；{violations}</translation>
    </message>
    <message>
      <source>Span of control ({count})</source>
      <translation>管理幅度（{count}）</translation>
    </message>
    <message>
      <source>Monthly, planned ({currency})</source>
      <translation>月成本·定员（{currency}）</translation>
    </message>
    <message>
      <source>Monthly, filled ({currency})</source>
      <translation>月成本·在岗（{currency}）</translation>
    </message>
    <message>
      <source>Monthly, vacancies ({currency})</source>
      <translation>月成本·空缺（{currency}）</translation>
    </message>
    <message>
      <source>Annual, planned ({currency})</source>
      <translation>年成本·定员（{currency}）</translation>
    </message>
    <message>
      <source>Annual, filled ({currency})</source>
      <translation>年成本·在岗（{currency}）</translation>
    </message>
    <message>
      <source>Annual, vacancies ({currency})</source>
      <translation>年成本·空缺（{currency}）</translation>
    </message>
    <message>
      <source>Positions without pay</source>
      <translation>未填月薪的职位</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>No position has pay yet: set a seat's monthly pay in the position's overview.</source>
      <translation>尚无职位填写月薪：请在职位概况中填写每个席位的月薪。</translation>
    </message>
    <message>
      <source>Labour cost a month: {planned} planned, {filled} filled, {vacant} vacant; a year: {annual} planned ({currency})</source>
      <translation>每月人工成本：定员 {planned}，在岗 {filled}，空缺 {vacant}；每年定员 {annual}（{currency}）</translation>
    </message>
    <message>
      <source>{count} position with seats has no pay: not counted.</source>
      <translation>{count} 个有席位的职位未填月薪，未计入。</translation>
    </message>
    <message>
      <source>{count} positions with seats have no pay: not counted.</source>
      <translation>{count} 个有席位的职位未填月薪，未计入。</translation>
    </message>
    <message>
      <source>analysis</source>
      <translation>分析</translation>
    </message>
  </context>
  <context>
    <name>BulkEditDialog</name>
    <message>
      <source>Edit {count} Selected Position</source>
      <translation>编辑所选的 {count} 个职位</translation>
    </message>
    <message>
      <source>Edit {count} Selected Positions</source>
      <translation>编辑所选的 {count} 个职位</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>Line position</source>
      <translation>直线岗位</translation>
    </message>
    <message>
      <source>Staff / assistant</source>
      <translation>参谋/助理岗位</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>并排</translation>
    </message>
    <message>
      <source>Stacked</source>
      <translation>纵向堆叠</translation>
    </message>
    <message>
      <source>Two columns</source>
      <translation>两列</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>岗位类型</translation>
    </message>
    <message>
      <source>Level / grade</source>
      <translation>职级</translation>
    </message>
    <message>
      <source>Planned headcount</source>
      <translation>职位定员</translation>
    </message>
    <message>
      <source>Filled headcount</source>
      <translation>在岗人数</translation>
    </message>
    <message>
      <source>Headcount note</source>
      <translation>定员说明</translation>
    </message>
    <message>
      <source>Monthly pay</source>
      <translation>月薪</translation>
    </message>
    <message>
      <source>On-cost (社保/公积金)</source>
      <translation>社保公积金比例</translation>
    </message>
    <message>
      <source>Arrangement of reports</source>
      <translation>下属排列方式</translation>
    </message>
    <message>
      <source>Only the ticked fields change; the others stay as each position has them.</source>
      <translation>只修改勾选的字段；其余字段保持各职位原样。</translation>
    </message>
  </context>
  <context>
    <name>ChartNavigator</name>
    <message>
      <source>Overview map: click or drag to move the view</source>
      <translation>全图导航：单击或拖动可移动视图</translation>
    </message>
  </context>
  <context>
    <name>ChartPane</name>
    <message>
      <source>Arrange the reports of {title}</source>
      <translation>排列“{title}”的下属</translation>
    </message>
    <message>
      <source>&amp;Team Totals on Manager Boxes</source>
      <translation>在管理岗位框中显示团队合计(&amp;T)</translation>
    </message>
    <message>
      <source>Each manager's box shows the seats of its whole team and how many are filled</source>
      <translation>每个管理岗位的框中显示其整个团队的席位数及在岗人数</translation>
    </message>
    <message>
      <source>Show team totals</source>
      <translation>显示团队合计</translation>
    </message>
    <message>
      <source>Hide team totals</source>
      <translation>隐藏团队合计</translation>
    </message>
  </context>
  <context>
    <name>ChartView</name>
    <message>
      <source>{filled}/{planned} filled</source>
      <translation>在岗 {filled}/{planned}</translation>
    </message>
    <message>
      <source>{over} over</source>
      <translation>超编 {over}</translation>
    </message>
    <message>
      <source>Team {seats}, {filled} filled</source>
      <translation>团队 {seats}，在岗 {filled}</translation>
    </message>
    <message>
      <source>Team {seats}</source>
      <translation>团队 {seats}</translation>
    </message>
    <message>
      <source>+{positions} positions / {seats} hidden</source>
      <translation>另有 {positions} 个职位 / {seats}</translation>
    </message>
    <message>
      <source>+1 position / {seats} hidden</source>
      <translation>另有 1 个职位 / {seats}</translation>
    </message>
    <message>
      <source>{count} seats</source>
      <translation>{count} 席</translation>
    </message>
    <message>
      <source>{count} seat</source>
      <translation>{count} 席</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare With</source>
      <translation>与其他版本比较</translation>
    </message>
    <message>
      <source>Compare {old} → {new}</source>
      <translation>比较 {old} → {new}</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Moved</source>
      <translation>移动</translation>
    </message>
    <message>
      <source>Renamed</source>
      <translation>重命名</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>All changes</source>
      <translation>全部变化</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Highlight all in the document</source>
      <translation>在文档中突出显示全部</translation>
    </message>
    <message>
      <source>Headcount by department</source>
      <translation>各部门定员</translation>
    </message>
    <message>
      <source>The two versions are the same.</source>
      <translation>两个版本完全相同。</translation>
    </message>
    <message>
      <source>{count} change; planned seats {old} → {new} ({delta}).</source>
      <translation>共 {count} 处变化；定员 {old} → {new}（{delta}）。</translation>
    </message>
    <message>
      <source>{count} changes; planned seats {old} → {new} ({delta}).</source>
      <translation>共 {count} 处变化；定员 {old} → {new}（{delta}）。</translation>
    </message>
    <message>
      <source>Positions were matched by their source IDs (the keys of the file they were imported from).</source>
      <translation>已按来源编号（导入来源文件中的编号）匹配岗位。</translation>
    </message>
    <message>
      <source>The files do not share position ids (an import?): positions were matched on title and superior.</source>
      <translation>两个文件的职位编号不一致（可能是导入的文件）：已按职位名称和直接上级匹配职位。</translation>
    </message>
    <message>
      <source>No changes.</source>
      <translation>没有变化。</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Planned before</source>
      <translation>原定员</translation>
    </message>
    <message>
      <source>Planned after</source>
      <translation>现定员</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
  </context>
  <context>
    <name>DataActions</name>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>CSV, UTF-8 (*.csv)</source>
      <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
      <source>GraphML (*.graphml)</source>
      <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>d3-org-chart JSON (*.json)</source>
      <translation>d3-org-chart JSON (*.json)</translation>
    </message>
    <message>
      <source>d3-org-chart CSV (*.csv)</source>
      <translation>d3-org-chart CSV (*.csv)</translation>
    </message>
    <message>
      <source>OrgChart JS JSON (*.json)</source>
      <translation>OrgChart JS JSON (*.json)</translation>
    </message>
    <message>
      <source>GoJS TreeModel JSON (*.json)</source>
      <translation>GoJS TreeModel JSON (*.json)</translation>
    </message>
    <message>
      <source>draw.io CSV (*.csv)</source>
      <translation>draw.io CSV (*.csv)</translation>
    </message>
    <message>
      <source>yEd GraphML (*.graphml)</source>
      <translation>yEd GraphML (*.graphml)</translation>
    </message>
    <message>
      <source>Visio org chart wizard CSV (*.csv)</source>
      <translation>Visio 组织结构图向导 CSV (*.csv)</translation>
    </message>
    <message>
      <source>Visio org chart wizard Excel (*.xlsx)</source>
      <translation>Visio 组织结构图向导 Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Export data</source>
      <translation>导出数据</translation>
    </message>
    <message>
      <source>Exported {file}</source>
      <translation>已导出 {file}</translation>
    </message>
    <message>
      <source>Exporting {file}…</source>
      <translation>正在导出 {file}…</translation>
    </message>
  </context>
  <context>
    <name>DeliverablesPane</name>
    <message>
      <source>Analysis</source>
      <translation>编制分析</translation>
    </message>
    <message>
      <source>Edit span-of-control rules</source>
      <translation>编辑管理幅度规则</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <source>Edit document properties</source>
      <translation>编辑文档属性</translation>
    </message>
  </context>
  <context>
    <name>DepartmentsDialog</name>
    <message>
      <source>Departments</source>
      <translation>部门管理</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Rename (F2)</source>
      <translation>重命名 (F2)</translation>
    </message>
    <message>
      <source>Colour…</source>
      <translation>颜色…</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <source>New department</source>
      <translation>新部门</translation>
    </message>
    <message>
      <source>New department {number}</source>
      <translation>新部门 {number}</translation>
    </message>
    <message>
      <source>Add department {name}</source>
      <translation>添加部门“{name}”</translation>
    </message>
    <message>
      <source>Rename department {old} → {new}</source>
      <translation>将部门“{old}”重命名为“{new}”</translation>
    </message>
    <message>
      <source>Recolour department {name}</source>
      <translation>更改部门“{name}”的颜色</translation>
    </message>
    <message>
      <source>Reorder departments</source>
      <translation>调整部门顺序</translation>
    </message>
    <message>
      <source>Delete department {name}</source>
      <translation>删除部门“{name}”</translation>
    </message>
  </context>
  <context>
    <name>DocumentInfoBar</name>
    <message>
      <source>Name the organisation</source>
      <translation>为组织命名</translation>
    </message>
    <message>
      <source>New organisation:</source>
      <translation>新组织：</translation>
    </message>
    <message>
      <source>Title, e.g. East China Service Center</source>
      <translation>名称，例如 华东客服中心</translation>
    </message>
    <message>
      <source>Client (optional)</source>
      <translation>客户（可选）</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Not now (File → Properties… sets them later)</source>
      <translation>暂不填写（稍后可在 文件 → 属性… 中设置）</translation>
    </message>
  </context>
  <context>
    <name>DutiesPanel</name>
    <message>
      <source>Double-click to edit; paste several lines to add several duties.</source>
      <translation>双击可编辑；粘贴多行文本可一次添加多条职责。</translation>
    </message>
  </context>
  <context>
    <name>ExportChartDialog</name>
    <message>
      <source>Laying out the chart</source>
      <translation>正在排布组织结构图…</translation>
    </message>
    <message>
      <source>Painting pages</source>
      <translation>正在绘制页面…</translation>
    </message>
    <message>
      <source>Painting the image</source>
      <translation>正在绘制图像…</translation>
    </message>
    <message>
      <source>Drawing the slides</source>
      <translation>正在绘制幻灯片</translation>
    </message>
    <message>
      <source>Writing the file</source>
      <translation>正在写入文件</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>PowerPoint</source>
      <translation>PowerPoint 演示文稿</translation>
    </message>
    <message>
      <source>Export Chart</source>
      <translation>导出组织结构图</translation>
    </message>
    <message>
      <source>Compact (as on screen)</source>
      <translation>紧凑（与屏幕一致）</translation>
    </message>
    <message>
      <source>Graphviz dot</source>
      <translation>Graphviz dot 布局</translation>
    </message>
    <message>
      <source>Top to bottom</source>
      <translation>从上到下</translation>
    </message>
    <message>
      <source>Left to right</source>
      <translation>从左到右</translation>
    </message>
    <message>
      <source>Letter</source>
      <translation>Letter（美国信纸）</translation>
    </message>
    <message>
      <source>From the chart's shape</source>
      <translation>按图的形状</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>纵向</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>横向</translation>
    </message>
    <message>
      <source>Scale to one page</source>
      <translation>缩放到一页</translation>
    </message>
    <message>
      <source>Poster: tiles over several pages</source>
      <translation>海报：分块打印在多页上</translation>
    </message>
    <message>
      <source>Plain wide layout (every row of reports unwrapped)</source>
      <translation>平铺宽版布局（每行下属不换行）</translation>
    </message>
    <message>
      <source>Whole organisation</source>
      <translation>整个组织</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>全部层级</translation>
    </message>
    <message>
      <source>As the document</source>
      <translation>与文档相同</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>图例</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>布局</translation>
    </message>
    <message>
      <source>Orientation</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Resolution (dpi)</source>
      <translation>分辨率（dpi）</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>页面</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>分支</translation>
    </message>
    <message>
      <source>Levels below it</source>
      <translation>向下显示层数</translation>
    </message>
    <message>
      <source>Chart language</source>
      <translation>图表语言</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>No preview for charts of more than %n positions.</source>
      <translation>职位超过 %n 个的组织结构图不显示预览。</translation>
    </message>
    <message>
      <source>Drawing with {engine}</source>
      <translation>正在使用 {engine} 绘制…</translation>
    </message>
    <message>
      <source>The image was too large for one file, so it was cut into %n images:</source>
      <translation>图片太大，无法放入一个文件，因此已切分为 %n 张图片：</translation>
    </message>
    <message>
      <source>Graphviz warned:</source>
      <translation>Graphviz 警告：</translation>
    </message>
  </context>
  <context>
    <name>HandbookDialog</name>
    <message>
      <source>Export Handbook</source>
      <translation>导出岗位说明书</translation>
    </message>
    <message>
      <source>PDF (to print or send)</source>
      <translation>PDF（用于打印或发送）</translation>
    </message>
    <message>
      <source>Word document (the client can edit it)</source>
      <translation>Word 文档（客户可编辑）</translation>
    </message>
    <message>
      <source>Web page (one file)</source>
      <translation>网页（单个文件）</translation>
    </message>
    <message>
      <source>The whole organisation</source>
      <translation>整个组织</translation>
    </message>
    <message>
      <source>{indent}{title} and everything under it</source>
      <translation>{indent}{title} 及其全部下属</translation>
    </message>
    <message>
      <source>Cover, contents, org chart, headcount summary and one job description per job (identical positions share one).</source>
      <translation>封面、目录、组织结构图、人员编制汇总，以及每个岗位一份岗位说明（相同的岗位共用一份）。</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Positions</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Handbook language</source>
      <translation>说明书语言</translation>
    </message>
    <message>
      <source>The cover shows the document's title, client and consultant; they are saved in the document.</source>
      <translation>封面显示文档的标题、客户和顾问，这些内容会保存到文档中。</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Consultant</source>
      <translation>顾问</translation>
    </message>
    <message>
      <source>Scope: the whole organisation ({count} position).</source>
      <translation>范围：整个组织（{count} 个职位）。</translation>
    </message>
    <message>
      <source>Scope: the whole organisation ({count} positions).</source>
      <translation>范围：整个组织（{count} 个职位）。</translation>
    </message>
    <message>
      <source>Scope: only “{title}” and the {count} position under it.</source>
      <translation>范围：仅“{title}”及其下属的 {count} 个职位。</translation>
    </message>
    <message>
      <source>Scope: only “{title}” and the {count} positions under it.</source>
      <translation>范围：仅“{title}”及其下属的 {count} 个职位。</translation>
    </message>
    <message>
      <source>Writing {file}…</source>
      <translation>正在写入 {file}…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Wrote {file}.</source>
      <translation>已写入 {file}。</translation>
    </message>
    <message>
      <source>Cancelled; no file was written.</source>
      <translation>已取消，未写入任何文件。</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Detect (UTF-8, else GB18030)</source>
      <translation>自动识别（UTF-8，否则 GB18030）</translation>
    </message>
    <message>
      <source>Western (Windows-1252)</source>
      <translation>西欧（Windows-1252）</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>节点</translation>
    </message>
    <message>
      <source>Entry</source>
      <translation>条目</translation>
    </message>
    <message>
      <source>Edge</source>
      <translation>连线</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>虚线汇报</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Department row</source>
      <translation>部门行</translation>
    </message>
    <message>
      <source>Dotted-line row</source>
      <translation>虚线汇报行</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Tables and charts ({patterns})</source>
      <translation>表格和组织结构图 ({patterns})</translation>
    </message>
    <message>
      <source>The file could not be read ({error}).</source>
      <translation>无法读取该文件（{error}）。</translation>
    </message>
    <message>
      <source>Choose or paste a CSV, Excel, GraphML or JSON file</source>
      <translation>选择或粘贴 CSV、Excel、GraphML 或 JSON 文件</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Report it as a problem</source>
      <translation>作为问题列出</translation>
    </message>
    <message>
      <source>Keep them side by side</source>
      <translation>并列保留</translation>
    </message>
    <message>
      <source>Put them under a new position:</source>
      <translation>放到一个新职位之下：</translation>
    </message>
    <message>
      <source>Title of the new top position</source>
      <translation>新的最高职位的名称</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Several top positions</source>
      <translation>多个最高职位</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>数据行</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Example</source>
      <translation>示例</translation>
    </message>
    <message>
      <source>Read as</source>
      <translation>对应字段</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>列对应</translation>
    </message>
    <message>
      <source>Seats</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>First row is a header</source>
      <translation>第一行是表头</translation>
    </message>
    <message>
      <source>Detected from the file; clear it when the first row is already data.</source>
      <translation>根据文件自动判断；如果第一行已经是数据，请取消勾选。</translation>
    </message>
    <message>
      <source>No-superior token, e.g. ROOT</source>
      <translation>“无上级”标记，例如 ROOT</translation>
    </message>
    <message>
      <source>Superior cells that mean “none”, separated by commas (NULL, N/A, - and 0 are always recognised).</source>
      <translation>表示“没有上级”的上级单元格内容，用逗号分隔（NULL、N/A、- 和 0 始终会被识别）。</translation>
    </message>
    <message>
      <source>Title for rows without one</source>
      <translation>无职位名称的行使用的名称</translation>
    </message>
    <message>
      <source>Group people into positions</source>
      <translation>把人员归并为岗位</translation>
    </message>
    <message>
      <source>When rows are people: one position per title under one superior, holding its people. Partly checked: only when titles repeat.</source>
      <translation>当每行是一个人时：同一上级下相同职位的人归为一个岗位，并记录在岗人员。半选：仅当职位名称重复时归并。</translation>
    </message>
    <message>
      <source>There is no file “{path}”.</source>
      <translation>没有文件“{path}”。</translation>
    </message>
    <message>
      <source>{english} {chinese}</source>
      <translation>{chinese}</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>（忽略）</translation>
    </message>
    <message>
      <source>(keep in notes)</source>
      <translation>（存入备注）</translation>
    </message>
    <message>
      <source>orgdesk's own export: every column is read as orgdesk wrote it.</source>
      <translation>orgdesk 自己导出的文件：每一列都按 orgdesk 写入时的含义读取。</translation>
    </message>
    <message>
      <source>Checking “{file}”…</source>
      <translation>正在检查“{file}”…</translation>
    </message>
    <message>
      <source>Check stopped; change a choice to check again.</source>
      <translation>检查已停止；更改任一选项即可重新检查。</translation>
    </message>
    <message>
      <source>Reading… {count} row</source>
      <translation>正在读取… {count} 行</translation>
    </message>
    <message>
      <source>Reading… {count} rows</source>
      <translation>正在读取… {count} 行</translation>
    </message>
    <message>
      <source>Checking {count} row…</source>
      <translation>正在检查 {count} 行…</translation>
    </message>
    <message>
      <source>Checking {count} rows…</source>
      <translation>正在检查 {count} 行…</translation>
    </message>
    <message>
      <source>Check stopped.</source>
      <translation>检查已停止。</translation>
    </message>
    <message>
      <source>Problems (1)</source>
      <translation>问题（1）</translation>
    </message>
    <message>
      <source>Problems ({count})</source>
      <translation>问题（{count}）</translation>
    </message>
    <message>
      <source>{count} problem must be fixed in the file or by the choices above before anything is imported.</source>
      <translation>有 {count} 个问题，须在文件中或通过上面的选项解决后才能导入。</translation>
    </message>
    <message>
      <source>{count} problems must be fixed in the file or by the choices above before anything is imported.</source>
      <translation>有 {count} 个问题，须在文件中或通过上面的选项解决后才能导入。</translation>
    </message>
    <message>
      <source>Ready to import {count} position.</source>
      <translation>可以导入 {count} 个职位。</translation>
    </message>
    <message>
      <source>Ready to import {count} positions.</source>
      <translation>可以导入 {count} 个职位。</translation>
    </message>
    <message>
      <source>Kept in the notes: {columns}.</source>
      <translation>以下列保存在备注中：{columns}。</translation>
    </message>
    <message>
      <source>… and {count} more position</source>
      <translation>… 另有 {count} 个职位</translation>
    </message>
    <message>
      <source>… and {count} more positions</source>
      <translation>… 另有 {count} 个职位</translation>
    </message>
  </context>
  <context>
    <name>KpiPanel</name>
    <message>
      <source>KPI</source>
      <translation>KPI指标</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Add KPI</source>
      <translation>添加 KPI</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>LibraryActions</name>
    <message>
      <source>Add “{entry}” from the library to {title}</source>
      <translation>将职位库中的“{entry}”补充到{title}</translation>
    </message>
    <message>
      <source>Replace the job description of {title} with “{entry}”</source>
      <translation>用“{entry}”替换{title}的岗位说明</translation>
    </message>
  </context>
  <context>
    <name>LibraryDialog</name>
    <message>
      <source>Management</source>
      <translation>管理</translation>
    </message>
    <message>
      <source>Team leadership</source>
      <translation>班组管理</translation>
    </message>
    <message>
      <source>Agents</source>
      <translation>座席</translation>
    </message>
    <message>
      <source>Quality</source>
      <translation>质检</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>Technical</source>
      <translation>技术</translation>
    </message>
    <message>
      <source>Support</source>
      <translation>支持</translation>
    </message>
    <message>
      <source>Team library</source>
      <translation>团队库</translation>
    </message>
    <message>
      <source>Position library</source>
      <translation>职位库</translation>
    </message>
    <message>
      <source>Search titles and duties</source>
      <translation>搜索职位名称和职责</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Insert as New Report</source>
      <translation>作为新下属插入</translation>
    </message>
    <message>
      <source>Apply to “{title}”</source>
      <translation>应用到“{title}”</translation>
    </message>
    <message>
      <source>Replace its</source>
      <translation>替换其</translation>
    </message>
    <message>
      <source>Add to its</source>
      <translation>补充到其</translation>
    </message>
    <message>
      <source>duties</source>
      <translation>岗位职责</translation>
    </message>
    <message>
      <source>requirements</source>
      <translation>任职要求</translation>
    </message>
    <message>
      <source>KPIs</source>
      <translation>KPI指标</translation>
    </message>
    <message>
      <source>{count} duty</source>
      <translation>{count} 条职责</translation>
    </message>
    <message>
      <source>{count} duties</source>
      <translation>{count} 条职责</translation>
    </message>
    <message>
      <source>{count} KPI</source>
      <translation>{count} 项KPI</translation>
    </message>
    <message>
      <source>{count} KPIs</source>
      <translation>{count} 项KPI</translation>
    </message>
    <message>
      <source>Version {number}: {details}</source>
      <translation>版本 {number}：{details}</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>学历</translation>
    </message>
    <message>
      <source>Years of experience</source>
      <translation>工作年限</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>语言要求</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>所属部门</translation>
    </message>
    <message>
      <source>Duties</source>
      <translation>岗位职责</translation>
    </message>
    <message>
      <source>Requirements</source>
      <translation>任职要求</translation>
    </message>
    <message>
      <source>Career path</source>
      <translation>发展方向</translation>
    </message>
  </context>
  <context>
    <name>ListEditor</name>
    <message>
      <source>New item</source>
      <translation>新条目</translation>
    </message>
    <message>
      <source>Add an item</source>
      <translation>添加一项</translation>
    </message>
    <message>
      <source>Delete the selected item (Del)</source>
      <translation>删除所选项（Del）</translation>
    </message>
    <message>
      <source>Move up (Alt+Up)</source>
      <translation>上移（Alt+Up）</translation>
    </message>
    <message>
      <source>Move down (Alt+Down)</source>
      <translation>下移（Alt+Down）</translation>
    </message>
  </context>
  <context>
    <name>ListHistory</name>
    <message>
      <source>Add duty “{item}” ({title})</source>
      <translation>添加职责“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Remove duty “{item}” ({title})</source>
      <translation>删除职责“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Edit duty “{item}” ({title})</source>
      <translation>修改职责“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Add {count} duty ({title})</source>
      <translation>添加 {count} 项职责（{title}）</translation>
    </message>
    <message>
      <source>Add {count} duties ({title})</source>
      <translation>添加 {count} 项职责（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} duty ({title})</source>
      <translation>删除 {count} 项职责（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} duties ({title})</source>
      <translation>删除 {count} 项职责（{title}）</translation>
    </message>
    <message>
      <source>Reorder duties ({title})</source>
      <translation>调整职责顺序（{title}）</translation>
    </message>
    <message>
      <source>Edit duties ({title})</source>
      <translation>编辑职责（{title}）</translation>
    </message>
    <message>
      <source>Add language “{item}” ({title})</source>
      <translation>添加语言“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Remove language “{item}” ({title})</source>
      <translation>删除语言“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Edit language “{item}” ({title})</source>
      <translation>修改语言“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Add {count} language ({title})</source>
      <translation>添加 {count} 项语言（{title}）</translation>
    </message>
    <message>
      <source>Add {count} languages ({title})</source>
      <translation>添加 {count} 项语言（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} language ({title})</source>
      <translation>删除 {count} 项语言（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} languages ({title})</source>
      <translation>删除 {count} 项语言（{title}）</translation>
    </message>
    <message>
      <source>Reorder languages ({title})</source>
      <translation>调整语言顺序（{title}）</translation>
    </message>
    <message>
      <source>Edit languages ({title})</source>
      <translation>编辑语言（{title}）</translation>
    </message>
    <message>
      <source>Add skill “{item}” ({title})</source>
      <translation>添加技能“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Remove skill “{item}” ({title})</source>
      <translation>删除技能“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Edit skill “{item}” ({title})</source>
      <translation>修改技能“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Add {count} skill ({title})</source>
      <translation>添加 {count} 项技能（{title}）</translation>
    </message>
    <message>
      <source>Add {count} skills ({title})</source>
      <translation>添加 {count} 项技能（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} skill ({title})</source>
      <translation>删除 {count} 项技能（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} skills ({title})</source>
      <translation>删除 {count} 项技能（{title}）</translation>
    </message>
    <message>
      <source>Reorder skills ({title})</source>
      <translation>调整技能顺序（{title}）</translation>
    </message>
    <message>
      <source>Edit skills ({title})</source>
      <translation>编辑技能（{title}）</translation>
    </message>
    <message>
      <source>Add KPI “{item}” ({title})</source>
      <translation>添加KPI“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Remove KPI “{item}” ({title})</source>
      <translation>删除KPI“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Edit KPI “{item}” ({title})</source>
      <translation>修改KPI“{item}”（{title}）</translation>
    </message>
    <message>
      <source>Add {count} KPI ({title})</source>
      <translation>添加 {count} 项KPI（{title}）</translation>
    </message>
    <message>
      <source>Add {count} KPIs ({title})</source>
      <translation>添加 {count} 项KPI（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} KPI ({title})</source>
      <translation>删除 {count} 项KPI（{title}）</translation>
    </message>
    <message>
      <source>Remove {count} KPIs ({title})</source>
      <translation>删除 {count} 项KPI（{title}）</translation>
    </message>
    <message>
      <source>Reorder KPIs ({title})</source>
      <translation>调整KPI顺序（{title}）</translation>
    </message>
    <message>
      <source>Edit KPIs ({title})</source>
      <translation>编辑KPI（{title}）</translation>
    </message>
  </context>
  <context>
    <name>LongTextEdit</name>
    <message>
      <source>({count} characters in all: too long to edit here; the whole text is kept)</source>
      <translation>（共 {count} 个字符：太长，无法在此编辑；全文已保留）</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Overview &amp;Map</source>
      <translation>全图导航(&amp;M)</translation>
    </message>
    <message>
      <source>Fit &amp;Selection</source>
      <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>并排</translation>
    </message>
    <message>
      <source>Stacked</source>
      <translation>纵向堆叠</translation>
    </message>
    <message>
      <source>Two columns</source>
      <translation>两列</translation>
    </message>
    <message>
      <source>&amp;Arrange Reports</source>
      <translation>下属排列方式(&amp;A)</translation>
    </message>
    <message>
      <source>E&amp;xpand Branch</source>
      <translation>展开分支(&amp;X)</translation>
    </message>
    <message>
      <source>C&amp;ollapse Branch</source>
      <translation>折叠分支(&amp;O)</translation>
    </message>
    <message>
      <source>E&amp;xport This Branch…</source>
      <translation>导出此分支(&amp;X)…</translation>
    </message>
    <message>
      <source>Expand &amp;All Branches</source>
      <translation>展开全部分支(&amp;A)</translation>
    </message>
    <message>
      <source>Insert {title} from the library</source>
      <translation>从职位库插入“{title}”</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>概况</translation>
    </message>
    <message>
      <source>Duties</source>
      <translation>岗位职责</translation>
    </message>
    <message>
      <source>Requirements</source>
      <translation>任职要求</translation>
    </message>
    <message>
      <source>Direct reports</source>
      <translation>直接下属</translation>
    </message>
    <message>
      <source>KPIs</source>
      <translation>KPI指标</translation>
    </message>
    <message>
      <source>History</source>
      <translation>操作历史</translation>
    </message>
    <message>
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>关闭(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>Add &amp;Direct Report</source>
      <translation>添加直接下属(&amp;D)</translation>
    </message>
    <message>
      <source>Add &amp;Sibling</source>
      <translation>添加同级职位(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>重命名(&amp;R)</translation>
    </message>
    <message>
      <source>De&amp;lete…</source>
      <translation>删除(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Edit Selected…</source>
      <translation>编辑所选(&amp;E)…</translation>
    </message>
    <message>
      <source>Move &amp;Up</source>
      <translation>上移(&amp;U)</translation>
    </message>
    <message>
      <source>Move Do&amp;wn</source>
      <translation>下移(&amp;W)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>剪切(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
      <source>Dupl&amp;icate</source>
      <translation>创建副本(&amp;I)</translation>
    </message>
    <message>
      <source>Insert from Li&amp;brary…</source>
      <translation>从职位库插入(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>查找(&amp;F)…</translation>
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
      <source>Depart&amp;ments…</source>
      <translation>部门管理(&amp;M)…</translation>
    </message>
    <message>
      <source>Proper&amp;ties…</source>
      <translation>文档属性(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Export Chart…</source>
      <translation>导出组织结构图(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <source>Export &amp;Data…</source>
      <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
      <source>Export &amp;Handbook…</source>
      <translation>导出岗位说明书(&amp;H)…</translation>
    </message>
    <message>
      <source>&amp;Print Chart…</source>
      <translation>打印组织结构图(&amp;P)…</translation>
    </message>
    <message>
      <source>Print Pre&amp;view…</source>
      <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
      <source>Print Hand&amp;book…</source>
      <translation>打印岗位说明书(&amp;B)…</translation>
    </message>
    <message>
      <source>Co&amp;mpare With…</source>
      <translation>与其他版本比较(&amp;M)…</translation>
    </message>
    <message>
      <source>Team Librar&amp;y…</source>
      <translation>团队库(&amp;Y)…</translation>
    </message>
    <message>
      <source>&amp;Analysis</source>
      <translation>编制分析(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Fit Chart to Window</source>
      <translation>适应窗口大小(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Expand All</source>
      <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Collapse All</source>
      <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>New from Samp&amp;le</source>
      <translation>从示例新建(&amp;L)</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开的文件(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;History</source>
      <translation>操作历史(&amp;H)</translation>
    </message>
    <message>
      <source>Derive Supp&amp;ort Structure…</source>
      <translation>推算支持岗位结构(&amp;O)…</translation>
    </message>
    <message>
      <source>Si&amp;ze Agent Position…</source>
      <translation>座席人力测算(&amp;Z)…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>Expand to &amp;Level</source>
      <translation>展开到指定层级(&amp;L)</translation>
    </message>
    <message>
      <source>Level {level}</source>
      <translation>第 {level} 层</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;User Guide</source>
      <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About orgdesk</source>
      <translation>关于 orgdesk(&amp;A)</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Add Report</source>
      <translation>添加下属</translation>
    </message>
    <message>
      <source>From Library</source>
      <translation>从职位库插入</translation>
    </message>
    <message>
      <source>Find positions, duties, requirements…</source>
      <translation>查找职位、职责、任职要求…</translation>
    </message>
    <message>
      <source>{name}[*] — orgdesk</source>
      <translation>{name}[*] — orgdesk</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <source>New position</source>
      <translation>新职位</translation>
    </message>
    <message>
      <source>Add position</source>
      <translation>添加职位</translation>
    </message>
    <message>
      <source>Add report to {title}</source>
      <translation>为“{title}”添加直接下属</translation>
    </message>
    <message>
      <source>Add sibling of {title}</source>
      <translation>添加“{title}”的同级职位</translation>
    </message>
    <message>
      <source>Delete {title}</source>
      <translation>删除“{title}”</translation>
    </message>
    <message>
      <source>the top level</source>
      <translation>最高层级</translation>
    </message>
    <message>
      <source>Delete {title} and its reports</source>
      <translation>删除“{title}”及其下属</translation>
    </message>
    <message>
      <source>Delete {title}, keep its reports</source>
      <translation>删除“{title}”，保留其下属</translation>
    </message>
    <message>
      <source>Reorder {title}</source>
      <translation>调整“{title}”的顺序</translation>
    </message>
    <message>
      <source>Move {title} under {target}</source>
      <translation>将“{title}”移至{target}下</translation>
    </message>
    <message>
      <source>Move only {title} under {target}</source>
      <translation>仅将“{title}”移至{target}下（不含下属）</translation>
    </message>
    <message>
      <source>Copied {title}</source>
      <translation>已复制“{title}”</translation>
    </message>
    <message>
      <source>Cut {title}</source>
      <translation>剪切“{title}”</translation>
    </message>
    <message>
      <source>The clipboard holds no orgdesk positions.</source>
      <translation>剪贴板中没有 orgdesk 职位。</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>粘贴</translation>
    </message>
    <message>
      <source>Duplicate {title}</source>
      <translation>创建“{title}”的副本</translation>
    </message>
    <message>
      <source>no match</source>
      <translation>无匹配结果</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Chart &amp;Direction</source>
      <translation>结构图方向(&amp;D)</translation>
    </message>
    <message>
      <source>Top-down</source>
      <translation>从上到下</translation>
    </message>
    <message>
      <source>Left to right</source>
      <translation>从左到右</translation>
    </message>
    <message>
      <source>Change chart direction</source>
      <translation>更改结构图方向</translation>
    </message>
    <message>
      <source>Chart De&amp;tail</source>
      <translation>结构图内容(&amp;T)</translation>
    </message>
    <message>
      <source>Titles</source>
      <translation>仅职位名称</translation>
    </message>
    <message>
      <source>Titles, department, headcount</source>
      <translation>职位名称、部门、定员</translation>
    </message>
    <message>
      <source>Also the first duties</source>
      <translation>另加前几条职责</translation>
    </message>
    <message>
      <source>Change chart detail</source>
      <translation>更改结构图内容</translation>
    </message>
    <message>
      <source>Arra&amp;nge Reports of the Selection</source>
      <translation>所选职位的下属排列方式(&amp;N)</translation>
    </message>
    <message>
      <source>Select the agent position to size first.</source>
      <translation>请先选择要测算的座席职位。</translation>
    </message>
    <message>
      <source>Org charts and job descriptions for call-center organisations.</source>
      <translation>面向呼叫中心的组织结构图与岗位说明书编制工具。</translation>
    </message>
    <message>
      <source>{count} position selected</source>
      <translation>已选择 {count} 个职位</translation>
    </message>
    <message>
      <source>{count} positions selected</source>
      <translation>已选择 {count} 个职位</translation>
    </message>
    <message>
      <source>Select the positions to edit first.</source>
      <translation>请先选择要编辑的职位。</translation>
    </message>
    <message>
      <source>Edit {count} position</source>
      <translation>编辑 {count} 个职位</translation>
    </message>
    <message>
      <source>Edit {count} positions</source>
      <translation>编辑 {count} 个职位</translation>
    </message>
    <message>
      <source>their superiors</source>
      <translation>各自的上级</translation>
    </message>
    <message>
      <source>{count} selected position</source>
      <translation>所选的 {count} 个职位</translation>
    </message>
    <message>
      <source>{count} selected positions</source>
      <translation>所选的 {count} 个职位</translation>
    </message>
    <message>
      <source>Delete {count} position</source>
      <translation>删除 {count} 个职位</translation>
    </message>
    <message>
      <source>Delete {count} positions</source>
      <translation>删除 {count} 个职位</translation>
    </message>
    <message>
      <source>Delete {count} position and their reports</source>
      <translation>删除 {count} 个职位及其下属</translation>
    </message>
    <message>
      <source>Delete {count} positions and their reports</source>
      <translation>删除 {count} 个职位及其下属</translation>
    </message>
    <message>
      <source>Move {count} position under {target}</source>
      <translation>将 {count} 个职位移至{target}下</translation>
    </message>
    <message>
      <source>Move {count} positions under {target}</source>
      <translation>将 {count} 个职位移至{target}下</translation>
    </message>
    <message>
      <source>Move only {count} position under {target}</source>
      <translation>仅将 {count} 个职位移至{target}下（不含下属）</translation>
    </message>
    <message>
      <source>Move only {count} positions under {target}</source>
      <translation>仅将 {count} 个职位移至{target}下（不含下属）</translation>
    </message>
    <message>
      <source>Copied {count} position</source>
      <translation>已复制 {count} 个职位</translation>
    </message>
    <message>
      <source>Copied {count} positions</source>
      <translation>已复制 {count} 个职位</translation>
    </message>
    <message>
      <source>Cut {count} position</source>
      <translation>剪切 {count} 个职位</translation>
    </message>
    <message>
      <source>Cut {count} positions</source>
      <translation>剪切 {count} 个职位</translation>
    </message>
  </context>
  <context>
    <name>OrgTreeModel</name>
    <message>
      <source>({count} over)</source>
      <translation>（超编 {count}）</translation>
    </message>
    <message>
      <source>({count} vacant)</source>
      <translation>（空缺 {count}）</translation>
    </message>
    <message>
      <source>staff / assistant</source>
      <translation>参谋/助理</translation>
    </message>
    <message>
      <source>line</source>
      <translation>直线</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>岗位类型</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>Filled</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Over</source>
      <translation>超编</translation>
    </message>
    <message>
      <source>Vacant</source>
      <translation>空缺</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
  </context>
  <context>
    <name>OrgdeskApp</name>
    <message>
      <source>an untitled document</source>
      <translation>未命名文档</translation>
    </message>
    <message>
      <source>orgdesk did not close properly; unsaved changes to “{name}” from {time} can be recovered.</source>
      <translation>orgdesk 上次未正常关闭；“{name}”在 {time} 的未保存更改可以恢复。</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>“{name}” is not an orgdesk document but a table or chart; import it into a new document?</source>
      <translation>“{name}”不是 orgdesk 文档，而是表格或图表；要把它导入为新文档吗？</translation>
    </message>
    <message>
      <source>orgdesk: {file} is open in another orgdesk window, which was brought forward.</source>
      <translation>orgdesk：{file} 已在另一个 orgdesk 窗口中打开，已将该窗口调到前面。</translation>
    </message>
  </context>
  <context>
    <name>OverviewPanel</name>
    <message>
      <source>Edit source ID of {title}</source>
      <translation>编辑“{title}”的来源编号</translation>
    </message>
    <message>
      <source>Line position</source>
      <translation>直线岗位</translation>
    </message>
    <message>
      <source>Staff / assistant</source>
      <translation>参谋/助理岗位</translation>
    </message>
    <message>
      <source>Edit level of {title}</source>
      <translation>编辑“{title}”的职级</translation>
    </message>
    <message>
      <source>Change planned headcount of {title}</source>
      <translation>更改“{title}”的职位定员</translation>
    </message>
    <message>
      <source>Change filled headcount of {title}</source>
      <translation>更改“{title}”的在岗人数</translation>
    </message>
    <message>
      <source>names, separated by ;</source>
      <translation>姓名，以 ; 分隔</translation>
    </message>
    <message>
      <source>Edit holders of {title}</source>
      <translation>编辑“{title}”的在岗人员</translation>
    </message>
    <message>
      <source>e.g. 视项目情况配备</source>
      <translation>例如：视项目情况配备</translation>
    </message>
    <message>
      <source>Edit headcount note of {title}</source>
      <translation>编辑“{title}”的定员说明</translation>
    </message>
    <message>
      <source>Edit career path of {title}</source>
      <translation>编辑“{title}”的发展方向</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职位名称</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>所属部门</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>岗位类型</translation>
    </message>
    <message>
      <source>Direct superior</source>
      <translation>直接上级</translation>
    </message>
    <message>
      <source>Source ID</source>
      <translation>来源编号</translation>
    </message>
    <message>
      <source>Level / grade</source>
      <translation>职级</translation>
    </message>
    <message>
      <source>Vacancies</source>
      <translation>空缺人数</translation>
    </message>
    <message>
      <source>Planned headcount</source>
      <translation>职位定员</translation>
    </message>
    <message>
      <source>Holders</source>
      <translation>在岗人员</translation>
    </message>
    <message>
      <source>Filled headcount</source>
      <translation>在岗人数</translation>
    </message>
    <message>
      <source>Headcount note</source>
      <translation>定员说明</translation>
    </message>
    <message>
      <source>Career path</source>
      <translation>发展方向</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add dotted line…</source>
      <translation>添加虚线汇报…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Dotted lines</source>
      <translation>虚线汇报</translation>
    </message>
    <message>
      <source>Lowest monthly pay of one seat (— not set)</source>
      <translation>一个席位的月薪下限（— 表示未填）</translation>
    </message>
    <message>
      <source>Highest monthly pay of one seat; the same as the lowest for a single figure</source>
      <translation>一个席位的月薪上限；只有一个数字时与下限相同</translation>
    </message>
    <message>
      <source>On-cost</source>
      <translation>社保公积金</translation>
    </message>
    <message>
      <source>On-cost: what the employer pays on top of the pay (social insurance and housing fund, 社保/公积金), in percent of it</source>
      <translation>社保公积金：用人单位在月薪之外缴纳的社会保险和住房公积金，按月薪的百分比计</translation>
    </message>
    <message>
      <source>Change on-cost of {title}</source>
      <translation>修改 {title} 的社保公积金比例</translation>
    </message>
    <message>
      <source>Change minimum monthly pay of {title}</source>
      <translation>修改 {title} 的月薪下限</translation>
    </message>
    <message>
      <source>Change maximum monthly pay of {title}</source>
      <translation>修改 {title} 的月薪上限</translation>
    </message>
    <message>
      <source>Monthly pay ({currency})</source>
      <translation>月薪（{currency}）</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>Some names hold “;” or spaces at their ends, so they are shown here but cannot be edited as one line.</source>
      <translation>部分姓名含有“;”或首尾空格，因此此处仅显示，不能作为一行编辑。</translation>
    </message>
    <message>
      <source>{count} over</source>
      <translation>超编 {count}</translation>
    </message>
    <message>
      <source>Add dotted line {source} → {target}</source>
      <translation>添加虚线汇报 {source} → {target}</translation>
    </message>
    <message>
      <source>Remove dotted line</source>
      <translation>移除虚线汇报</translation>
    </message>
    <message>
      <source>Change department of {title}</source>
      <translation>更改“{title}”的所属部门</translation>
    </message>
    <message>
      <source>Change kind of {title}</source>
      <translation>更改“{title}”的岗位类型</translation>
    </message>
    <message>
      <source>Edit notes of {title}</source>
      <translation>编辑“{title}”的备注</translation>
    </message>
    <message>
      <source>Rename {old} → {new}</source>
      <translation>重命名 {old} → {new}</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>Print Preview: Chart</source>
      <translation>打印预览：组织结构图</translation>
    </message>
    <message>
      <source>Print Preview: Handbook</source>
      <translation>打印预览：岗位说明书</translation>
    </message>
  </context>
  <context>
    <name>PropertiesDialog</name>
    <message>
      <source>Document properties</source>
      <translation>文档属性</translation>
    </message>
    <message>
      <source>The currency of every position's pay, as its three-letter code (CNY, USD, EUR …)</source>
      <translation>所有职位月薪所用的货币，填三个字母的代码（CNY、USD、EUR …）</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作者</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Currency of pay</source>
      <translation>薪酬货币</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <source>Last saved</source>
      <translation>最后保存时间</translation>
    </message>
    <message>
      <source>Edit document properties</source>
      <translation>编辑文档属性</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Drive</source>
      <translation>驱动器</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>QIODevice</name>
    <message>
      <source>No such file or directory</source>
      <translation>没有该文件或目录</translation>
    </message>
  </context>
  <context>
    <name>QPageSetupWidget</name>
    <message>
      <source>Page &amp;order:</source>
      <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
      <source>Pages &amp;per sheet:</source>
      <translation>每张页数(&amp;P)：</translation>
    </message>
  </context>
  <context>
    <name>QPrintSettingsOutput</name>
    <message>
      <source>Page &amp;Set:</source>
      <translation>页面集(&amp;S)：</translation>
    </message>
  </context>
  <context>
    <name>ReportsPanel</name>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>Filled</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Seats in team</source>
      <translation>团队定员</translation>
    </message>
    <message>
      <source>Add direct report</source>
      <translation>添加直接下属</translation>
    </message>
    <message>
      <source>{reports} · {below} · {planned}, {filled} filled, {vacant} vacant</source>
      <translation>{reports} · {below} · {planned}，在岗 {filled} 人，空缺 {vacant} 人</translation>
    </message>
    <message>
      <source>{count} direct report</source>
      <translation>直接下属 {count} 个</translation>
    </message>
    <message>
      <source>{count} direct reports</source>
      <translation>直接下属 {count} 个</translation>
    </message>
    <message>
      <source>{count} position below</source>
      <translation>下属职位 {count} 个</translation>
    </message>
    <message>
      <source>{count} positions below</source>
      <translation>下属职位 {count} 个</translation>
    </message>
    <message>
      <source>{count} seat planned</source>
      <translation>定员 {count} 人</translation>
    </message>
    <message>
      <source>{count} seats planned</source>
      <translation>定员 {count} 人</translation>
    </message>
    <message>
      <source>(the first {count} are listed)</source>
      <translation>（仅列出前 {count} 个）</translation>
    </message>
    <message>
      <source>Reorder {title}</source>
      <translation>调整“{title}”的顺序</translation>
    </message>
  </context>
  <context>
    <name>RequirementsPanel</name>
    <message>
      <source>(not stated)</source>
      <translation>（未说明）</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>学历要求</translation>
    </message>
    <message>
      <source>Years of experience (min.)</source>
      <translation>最低工作年限</translation>
    </message>
    <message>
      <source>Age (from – to)</source>
      <translation>年龄（从 – 到）</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>语言要求</translation>
    </message>
    <message>
      <source>Skills and qualities</source>
      <translation>技能与素质</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他要求</translation>
    </message>
    <message>
      <source>Edit requirements of {title}</source>
      <translation>编辑“{title}”的任职要求</translation>
    </message>
  </context>
  <context>
    <name>RulesEditor</name>
    <message>
      <source>Rules</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Team leader: agent seats</source>
      <translation>组长：所带座席员人数</translation>
    </message>
    <message>
      <source>One QA inspector per agent seats</source>
      <translation>每名质检员对应座席员人数</translation>
    </message>
    <message>
      <source>One trainer per agent seats</source>
      <translation>每名培训师对应座席员人数</translation>
    </message>
    <message>
      <source>Manager: at most direct-report seats</source>
      <translation>经理：直接下属人数上限</translation>
    </message>
    <message>
      <source>How titles are recognised (separate words with 、 or ,)</source>
      <translation>职位名称识别规则（多个关键词用 、 或 , 分隔）</translation>
    </message>
    <message>
      <source>Agents</source>
      <translation>座席员</translation>
    </message>
    <message>
      <source>Team leaders</source>
      <translation>组长</translation>
    </message>
    <message>
      <source>QA inspectors</source>
      <translation>质检员</translation>
    </message>
    <message>
      <source>Trainers</source>
      <translation>培训师</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>经理</translation>
    </message>
    <message>
      <source>but not titles containing…</source>
      <translation>但不包括含有以下词语的职位…</translation>
    </message>
    <message>
      <source>{role}: titles containing</source>
      <translation>{role}：职位名称包含</translation>
    </message>
    <message>
      <source>{role}: but not</source>
      <translation>{role}：但不含</translation>
    </message>
  </context>
  <context>
    <name>ScenarioBox</name>
    <message>
      <source>Scenario:</source>
      <translation>方案：</translation>
    </message>
    <message>
      <source>The scenario being edited; choose another to switch</source>
      <translation>正在编辑的方案；选择其他方案即可切换</translation>
    </message>
    <message>
      <source>Scenarios</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>&amp;New from Current…</source>
      <translation>从当前方案新建(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Rename…</source>
      <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Delete…</source>
      <translation>删除(&amp;D)…</translation>
    </message>
    <message>
      <source>Move &amp;Left</source>
      <translation>左移(&amp;L)</translation>
    </message>
    <message>
      <source>Move Ri&amp;ght</source>
      <translation>右移(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Compare Scenarios…</source>
      <translation>比较方案(&amp;C)…</translation>
    </message>
    <message>
      <source>Switch to scenario “{name}”</source>
      <translation>切换到方案“{name}”</translation>
    </message>
    <message>
      <source>New Scenario</source>
      <translation>新建方案</translation>
    </message>
    <message>
      <source>Name of the new scenario (a copy of “{name}”):</source>
      <translation>新方案的名称（复制自“{name}”）：</translation>
    </message>
    <message>
      <source>New scenario “{name}”</source>
      <translation>新建方案“{name}”</translation>
    </message>
    <message>
      <source>Option</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>Rename Scenario</source>
      <translation>重命名方案</translation>
    </message>
    <message>
      <source>New name of the scenario:</source>
      <translation>方案的新名称：</translation>
    </message>
    <message>
      <source>Rename scenario “{old}” → “{new}”</source>
      <translation>重命名方案“{old}”→“{new}”</translation>
    </message>
    <message>
      <source>Delete Scenario</source>
      <translation>删除方案</translation>
    </message>
    <message>
      <source>Delete the scenario “{name}” with all its positions? (Undo brings it back.)</source>
      <translation>删除方案“{name}”及其全部职位吗？（可以撤销。）</translation>
    </message>
    <message>
      <source>Delete scenario “{name}”</source>
      <translation>删除方案“{name}”</translation>
    </message>
    <message>
      <source>Move scenario “{name}”</source>
      <translation>移动方案“{name}”</translation>
    </message>
  </context>
  <context>
    <name>ScenarioCompareDialog</name>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Compare Scenarios</source>
      <translation>比较方案</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Moved</source>
      <translation>移动</translation>
    </message>
    <message>
      <source>Renamed</source>
      <translation>重命名</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>比较</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>The two scenarios are the same.</source>
      <translation>两个方案相同。</translation>
    </message>
    <message>
      <source>Positions</source>
      <translation>职位数</translation>
    </message>
    <message>
      <source>Seats</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>Filled</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Vacancies</source>
      <translation>空缺人数</translation>
    </message>
    <message>
      <source>Span-rule violations</source>
      <translation>违反管理幅度规则</translation>
    </message>
    <message>
      <source>Monthly cost</source>
      <translation>月度人工成本</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>Changed positions</source>
      <translation>变动的职位</translation>
    </message>
    <message>
      <source>Impact</source>
      <translation>影响对比</translation>
    </message>
    <message>
      <source>Id in {name}</source>
      <translation>{name} 中的编号</translation>
    </message>
    <message>
      <source>Wrote {file}.</source>
      <translation>已写入 {file}。</translation>
    </message>
  </context>
  <context>
    <name>ShortcutSheet</name>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Tree and chart</source>
      <translation>树和组织图</translation>
    </message>
    <message>
      <source>Move a position with its branch</source>
      <translation>连同分支移动职位</translation>
    </message>
    <message>
      <source>Drag</source>
      <translation>拖动</translation>
    </message>
    <message>
      <source>Move a position without its reports</source>
      <translation>只移动职位（下属留在原处）</translation>
    </message>
    <message>
      <source>Shift+Drag</source>
      <translation>Shift+拖动</translation>
    </message>
    <message>
      <source>Tree</source>
      <translation>树</translation>
    </message>
    <message>
      <source>Select several positions</source>
      <translation>选择多个职位</translation>
    </message>
    <message>
      <source>Ctrl+Click, Shift+Click, Shift+Arrows</source>
      <translation>Ctrl+单击、Shift+单击、Shift+方向键</translation>
    </message>
    <message>
      <source>Chart</source>
      <translation>组织图</translation>
    </message>
    <message>
      <source>Ctrl+Click, Shift+Click; Ctrl+Drag or Shift+Drag on the empty chart</source>
      <translation>Ctrl+单击、Shift+单击；在空白处 Ctrl+拖动或 Shift+拖动</translation>
    </message>
    <message>
      <source>Rename a position</source>
      <translation>重命名职位</translation>
    </message>
    <message>
      <source>Double-click its box</source>
      <translation>双击职位框</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>缩放</translation>
    </message>
    <message>
      <source>Ctrl+Wheel</source>
      <translation>Ctrl+滚轮</translation>
    </message>
    <message>
      <source>Lists</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Move an item up or down</source>
      <translation>上移或下移一项</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>菜单</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>命令</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
  </context>
  <context>
    <name>SizingChart</name>
    <message>
      <source>Agents required</source>
      <translation>所需座席数</translation>
    </message>
    <message>
      <source>Service level achieved</source>
      <translation>实际服务水平</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
  </context>
  <context>
    <name>SizingDialog</name>
    <message>
      <source>Import forecast</source>
      <translation>导入话务预测</translation>
    </message>
    <message>
      <source>Forecasts ({patterns})</source>
      <translation>话务预测（{patterns}）</translation>
    </message>
    <message>
      <source>Size “{title}”</source>
      <translation>测算“{title}”的人力</translation>
    </message>
    <message>
      <source>Intervals</source>
      <translation>各时段</translation>
    </message>
    <message>
      <source>How it was reached</source>
      <translation>测算过程</translation>
    </message>
    <message>
      <source>Support structure before/after</source>
      <translation>支持岗位（调整前/后）</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <source>Chat</source>
      <translation>在线客服</translation>
    </message>
    <message>
      <source>E-mail / back office</source>
      <translation>邮件 / 后台处理</translation>
    </message>
    <message>
      <source>Contacts per hour</source>
      <translation>每小时来话量</translation>
    </message>
    <message>
      <source>Contacts per day</source>
      <translation>每天来话量</translation>
    </message>
    <message>
      <source>Forecast file</source>
      <translation>预测文件</translation>
    </message>
    <message>
      <source>Import Forecast…</source>
      <translation>导入预测…</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <source>within</source>
      <translation>接通时限</translation>
    </message>
    <message>
      <source>ASA at most</source>
      <translation>平均应答速度不超过</translation>
    </message>
    <message>
      <source>{minutes} minutes</source>
      <translation>{minutes} 分钟</translation>
    </message>
    <message>
      <source> h/week</source>
      <translation> 小时/周</translation>
    </message>
    <message>
      <source> days/week</source>
      <translation> 天/周</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Erlang A: patience</source>
      <translation>Erlang A：平均耐心时长</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Volume</source>
      <translation>来话量</translation>
    </message>
    <message>
      <source>Average handle time</source>
      <translation>平均处理时长</translation>
    </message>
    <message>
      <source>Service level</source>
      <translation>服务水平</translation>
    </message>
    <message>
      <source>Maximum occupancy</source>
      <translation>最高占用率</translation>
    </message>
    <message>
      <source>Shrinkage</source>
      <translation>缩减率</translation>
    </message>
    <message>
      <source>Opening hours</source>
      <translation>营业时间</translation>
    </message>
    <message>
      <source>Interval</source>
      <translation>时段长度</translation>
    </message>
    <message>
      <source>Paid hours per FTE</source>
      <translation>每人带薪小时</translation>
    </message>
    <message>
      <source>Opening days</source>
      <translation>营业天数</translation>
    </message>
    <message>
      <source>Chats per agent</source>
      <translation>每名座席同时会话数</translation>
    </message>
    <message>
      <source>Response window</source>
      <translation>响应时限</translation>
    </message>
    <message>
      <source>{count} seat ({fte} FTE; now {now}).</source>
      <translation>定员 {count} 人（{fte} 个全职人力；现为 {now} 人）。</translation>
    </message>
    <message>
      <source>{count} seats ({fte} FTE; now {now}).</source>
      <translation>定员 {count} 人（{fte} 个全职人力；现为 {now} 人）。</translation>
    </message>
    <message>
      <source>Peak {when}: {erlangs} Erlangs, {count} agent.</source>
      <translation>高峰 {when}：{erlangs} 爱尔兰，{count} 名座席。</translation>
    </message>
    <message>
      <source>Peak {when}: {erlangs} Erlangs, {count} agents.</source>
      <translation>高峰 {when}：{erlangs} 爱尔兰，{count} 名座席。</translation>
    </message>
    <message>
      <source>Erlang A: {count} seat.</source>
      <translation>Erlang A：{count} 人。</translation>
    </message>
    <message>
      <source>Erlang A: {count} seats.</source>
      <translation>Erlang A：{count} 人。</translation>
    </message>
    <message>
      <source>Size “{title}”: {count} seat</source>
      <translation>测算“{title}”：{count} 人</translation>
    </message>
    <message>
      <source>Size “{title}”: {count} seats</source>
      <translation>测算“{title}”：{count} 人</translation>
    </message>
  </context>
  <context>
    <name>StructureDialog</name>
    <message>
      <source>Derived Support Structure</source>
      <translation>推算的支持岗位结构</translation>
    </message>
    <message>
      <source>Mark as Fixed</source>
      <translation>标记为固定</translation>
    </message>
    <message>
      <source>A fixed position is never changed by a derived structure.</source>
      <translation>推算支持岗位结构时，不会改动已固定的职位。</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>{count} agent seat.</source>
      <translation>{count} 个座席。</translation>
    </message>
    <message>
      <source>{count} agent seats.</source>
      <translation>{count} 个座席。</translation>
    </message>
    <message>
      <source>Rules: team leader {tl_low}–{tl_high} agents, QA one per {qa_low}–{qa_high}, trainer one per {tr_low}–{tr_high}, at most {span} reports per manager.</source>
      <translation>规则：每名组长 {tl_low}–{tl_high} 名座席，每 {qa_low}–{qa_high} 个座席一名质检员，每 {tr_low}–{tr_high} 个座席一名培训师，每名经理最多 {span} 个下属。</translation>
    </message>
    <message>
      <source>Unmark Fixed</source>
      <translation>取消固定</translation>
    </message>
    <message>
      <source>Mark “{title}” as fixed</source>
      <translation>将“{title}”标记为固定</translation>
    </message>
    <message>
      <source>Unmark “{title}” as fixed</source>
      <translation>取消“{title}”的固定标记</translation>
    </message>
    <message>
      <source>Apply the derived structure</source>
      <translation>应用推算的支持岗位结构</translation>
    </message>
  </context>
  <context>
    <name>StructureView</name>
    <message>
      <source>Team leaders</source>
      <translation>组长</translation>
    </message>
    <message>
      <source>Supervisors</source>
      <translation>主管</translation>
    </message>
    <message>
      <source>QA inspectors</source>
      <translation>质检员</translation>
    </message>
    <message>
      <source>Trainers</source>
      <translation>培训师</translation>
    </message>
    <message>
      <source>Workforce planners</source>
      <translation>排班计划员</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>经理</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>新设</translation>
    </message>
    <message>
      <source>Adjust</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>保持</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>岗位类别</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现有</translation>
    </message>
    <message>
      <source>Rule calls for</source>
      <translation>规则要求</translation>
    </message>
    <message>
      <source>After</source>
      <translation>调整后</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>{role}: {before} → {after}</source>
      <translation>{role}：{before} → {after}</translation>
    </message>
    <message>
      <source> (fixed)</source>
      <translation>（固定）</translation>
    </message>
  </context>
  <context>
    <name>TeamLibraryDialog</name>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Publish as Branch</source>
      <translation>作为分支发布</translation>
    </message>
    <message>
      <source>Keep Mine</source>
      <translation>保留我的</translation>
    </message>
    <message>
      <source>Keep Theirs</source>
      <translation>保留他们的</translation>
    </message>
    <message>
      <source>Team Library</source>
      <translation>团队库</translation>
    </message>
    <message>
      <source>&amp;Connect</source>
      <translation>连接(&amp;C)</translation>
    </message>
    <message>
      <source>Library:</source>
      <translation>团队库：</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作者</translation>
    </message>
    <message>
      <source>Positions</source>
      <translation>岗位数</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Title, department, duty, requirement, project or author</source>
      <translation>职位、部门、职责、任职要求、项目或作者</translation>
    </message>
    <message>
      <source>&amp;Search</source>
      <translation>搜索(&amp;S)</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Found in</source>
      <translation>匹配内容</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>&amp;Open Version…</source>
      <translation>打开版本(&amp;O)…</translation>
    </message>
    <message>
      <source>Co&amp;mpare with This Document</source>
      <translation>与此文档比较(&amp;M)</translation>
    </message>
    <message>
      <source>Publish this document</source>
      <translation>发布此文档</translation>
    </message>
    <message>
      <source>&amp;Publish</source>
      <translation>发布(&amp;P)</translation>
    </message>
    <message>
      <source>Project:</source>
      <translation>项目：</translation>
    </message>
    <message>
      <source>Message:</source>
      <translation>说明：</translation>
    </message>
    <message>
      <source>Offline: not connected.</source>
      <translation>离线：未连接。</translation>
    </message>
    <message>
      <source>Cance&amp;l</source>
      <translation>取消(&amp;L)</translation>
    </message>
    <message>
      <source>Too late to cancel: the library is already storing the version.</source>
      <translation>已无法取消：团队库正在保存该版本。</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <source>Connecting was cancelled.</source>
      <translation>已取消连接。</translation>
    </message>
    <message>
      <source>Connected to {server}: {count} projects.</source>
      <translation>已连接到 {server}：{count} 个项目。</translation>
    </message>
    <message>
      <source>Listing the versions of “{project}”…</source>
      <translation>正在列出“{project}”的版本…</translation>
    </message>
    <message>
      <source>Listing the versions was cancelled.</source>
      <translation>已取消列出版本。</translation>
    </message>
    <message>
      <source>Connect and choose a version to open first.</source>
      <translation>请先连接并选择要打开的版本。</translation>
    </message>
    <message>
      <source>Version {version} saved as {file}.</source>
      <translation>版本 {version} 已保存为 {file}。</translation>
    </message>
    <message>
      <source>Opening version {version}…</source>
      <translation>正在打开版本 {version}…</translation>
    </message>
    <message>
      <source>Opening the version was cancelled; no file was written.</source>
      <translation>已取消打开版本；没有写入任何文件。</translation>
    </message>
    <message>
      <source>version {version}</source>
      <translation>版本 {version}</translation>
    </message>
    <message>
      <source>this document</source>
      <translation>此文档</translation>
    </message>
    <message>
      <source>Comparing with version {version}…</source>
      <translation>正在与版本 {version} 比较…</translation>
    </message>
    <message>
      <source>Comparing was cancelled.</source>
      <translation>已取消比较。</translation>
    </message>
    <message>
      <source>Connect to the library first.</source>
      <translation>请先连接团队库。</translation>
    </message>
    <message>
      <source>Searching for “{words}”…</source>
      <translation>正在搜索“{words}”…</translation>
    </message>
    <message>
      <source>The search was cancelled.</source>
      <translation>已取消搜索。</translation>
    </message>
    <message>
      <source>“{words}”: {count} position found.</source>
      <translation>“{words}”：找到 {count} 个职位。</translation>
    </message>
    <message>
      <source>“{words}”: {count} positions found.</source>
      <translation>“{words}”：找到 {count} 个职位。</translation>
    </message>
    <message>
      <source>Publishing to “{project}”…</source>
      <translation>正在发布到“{project}”…</translation>
    </message>
    <message>
      <source>The publish was cancelled; nothing was published and this document is unchanged.</source>
      <translation>已取消发布；没有发布任何内容，本文档未作改动。</translation>
    </message>
    <message>
      <source>Published version {version} of “{project}”.</source>
      <translation>已发布“{project}”的版本 {version}。</translation>
    </message>
    <message>
      <source>Published the merged version {version} of “{project}”; open it to go on from the merged document.</source>
      <translation>已发布“{project}”的合并版本 {version}；请打开它，在合并后的文档上继续工作。</translation>
    </message>
    <message>
      <source>Publish to the team library</source>
      <translation>发布到团队库</translation>
    </message>
  </context>
  <context>
    <name>TeamStatusLabel</name>
    <message>
      <source>Team library: {project} @ version {version}; version {newest} is newer</source>
      <translation>团队库：{project} @ 版本 {version}；已有更新的版本 {newest}</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}</source>
      <translation>团队库：{project} @ 版本 {version}</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, ahead of the server by {count} edit; version {newest} is newer</source>
      <translation>团队库：{project} @ 版本 {version}，比服务器多 {count} 处修改；已有更新的版本 {newest}</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, ahead of the server by {count} edits; version {newest} is newer</source>
      <translation>团队库：{project} @ 版本 {version}，比服务器多 {count} 处修改；已有更新的版本 {newest}</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, ahead of the server by {count} edit</source>
      <translation>团队库：{project} @ 版本 {version}，比服务器多 {count} 处修改</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, ahead of the server by {count} edits</source>
      <translation>团队库：{project} @ 版本 {version}，比服务器多 {count} 处修改</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version} (offline; edits not counted)</source>
      <translation>团队库：{project} @ 版本 {version}（离线；修改尚未统计）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version} (offline, {count} edit not published)</source>
      <translation>团队库：{project} @ 版本 {version}（离线，{count} 处修改未发布）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version} (offline, {count} edits not published)</source>
      <translation>团队库：{project} @ 版本 {version}（离线，{count} 处修改未发布）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version} (offline)</source>
      <translation>团队库：{project} @ 版本 {version}（离线）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, {count} edit not published (checking…)</source>
      <translation>团队库：{project} @ 版本 {version}，{count} 处修改未发布（正在检查…）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version}, {count} edits not published (checking…)</source>
      <translation>团队库：{project} @ 版本 {version}，{count} 处修改未发布（正在检查…）</translation>
    </message>
    <message>
      <source>Team library: {project} @ version {version} (checking…)</source>
      <translation>团队库：{project} @ 版本 {version}（正在检查…）</translation>
    </message>
    <message>
      <source>Since version {version}: positions added {added}, changed {changed}, removed {removed}; other changes {other}.</source>
      <translation>自版本 {version} 以来：新增职位 {added} 个，修改 {changed} 个，删除 {removed} 个；其他修改 {other} 处。</translation>
    </message>
    <message>
      <source>The edits since version {version} are counted once the library has been reached.</source>
      <translation>连上团队库后才会统计自版本 {version} 以来的修改。</translation>
    </message>
  </context>
  <context>
    <name>UserGuide</name>
    <message>
      <source>orgdesk User Guide</source>
      <translation>orgdesk 使用指南</translation>
    </message>
    <message>
      <source>guide.en.html</source>
      <translation>guide.zh_CN.html</translation>
    </message>
  </context>
  <context>
    <name>WarningsButton</name>
    <message>
      <source>… and {count} more</source>
      <translation>……另有 {count} 条</translation>
    </message>
    <message>
      <source>{count} warning</source>
      <translation>{count} 条提醒</translation>
    </message>
    <message>
      <source>{count} warnings</source>
      <translation>{count} 条提醒</translation>
    </message>
  </context>
  <context>
    <name>ZoomBox</name>
    <message>
      <source>Zoom</source>
      <translation>缩放比例</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Recover these changes? (No discards them.)</source>
      <translation>是否恢复这些更改？（选择“否”将丢弃这些更改。）</translation>
    </message>
    <message>
      <source>Save the changes to “{name}” before closing?</source>
      <translation>关闭前是否保存对“{name}”的更改？</translation>
    </message>
    <message>
      <source>Save As…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>覆盖</translation>
    </message>
    <message>
      <source>“{title}” has {count} direct report.</source>
      <translation>“{title}”有 {count} 个直接下属。</translation>
    </message>
    <message>
      <source>“{title}” has {count} direct reports.</source>
      <translation>“{title}”有 {count} 个直接下属。</translation>
    </message>
    <message>
      <source>Delete with all its reports</source>
      <translation>连同全部下属一起删除</translation>
    </message>
    <message>
      <source>Delete only this position (reports move to {superior})</source>
      <translation>仅删除此职位（下属移至{superior}下）</translation>
    </message>
    <message>
      <source>Open organisation</source>
      <translation>打开组织文件</translation>
    </message>
    <message>
      <source>orgdesk documents and tables ({patterns})</source>
      <translation>orgdesk 文档和表格 ({patterns})</translation>
    </message>
    <message>
      <source>Tables and charts to import ({patterns})</source>
      <translation>要导入的表格和图表 ({patterns})</translation>
    </message>
    <message>
      <source>Save organisation as</source>
      <translation>组织文件另存为</translation>
    </message>
    <message>
      <source>Department colour</source>
      <translation>部门颜色</translation>
    </message>
    <message>
      <source>Add dotted line</source>
      <translation>添加虚线汇报</translation>
    </message>
    <message>
      <source>Dotted line (functional reporting)</source>
      <translation>虚线汇报（职能汇报）</translation>
    </message>
    <message>
      <source>Advisory</source>
      <translation>顾问关系</translation>
    </message>
    <message>
      <source>To</source>
      <translation>汇报对象</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>CSV file (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Export figures</source>
      <translation>导出数据</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>line/staff kind</source>
      <translation>岗位类型（直线/参谋）</translation>
    </message>
    <message>
      <source>level</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>planned headcount</source>
      <translation>定员</translation>
    </message>
    <message>
      <source>filled headcount</source>
      <translation>在岗人数</translation>
    </message>
    <message>
      <source>headcount note</source>
      <translation>定员说明</translation>
    </message>
    <message>
      <source>duties</source>
      <translation>岗位职责</translation>
    </message>
    <message>
      <source>requirements</source>
      <translation>任职要求</translation>
    </message>
    <message>
      <source>KPIs</source>
      <translation>KPI指标</translation>
    </message>
    <message>
      <source>career path</source>
      <translation>发展方向</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>source id</source>
      <translation>来源编号</translation>
    </message>
    <message>
      <source>holders</source>
      <translation>在岗人员</translation>
    </message>
    <message>
      <source>monthly pay</source>
      <translation>月薪</translation>
    </message>
    <message>
      <source>on-cost %</source>
      <translation>社保公积金比例</translation>
    </message>
    <message>
      <source>Changed {fields}.</source>
      <translation>修改了{fields}。</translation>
    </message>
    <message>
      <source>{first}, {second}</source>
      <translation>{first}、{second}</translation>
    </message>
    <message>
      <source>the top level</source>
      <translation>最上层</translation>
    </message>
    <message>
      <source>{name} {old} → {new}</source>
      <translation>{name} {old} → {new}</translation>
    </message>
    <message>
      <source>Added “{title}” under {superior}.</source>
      <translation>在{superior}下新增“{title}”。</translation>
    </message>
    <message>
      <source>Renamed “{old}” to “{new}”.</source>
      <translation>将“{old}”改名为“{new}”。</translation>
    </message>
    <message>
      <source>Moved “{title}” from {old} to {new}.</source>
      <translation>将“{title}”从{old}移到{new}下。</translation>
    </message>
    <message>
      <source>Removed “{title}” from under {superior}.</source>
      <translation>从{superior}下删除了“{title}”。</translation>
    </message>
    <message>
      <source>The manager rule needs a maximum of at least 1.</source>
      <translation>经理规则的上限至少为 1。</translation>
    </message>
    <message>
      <source>The span-of-control rules are not a JSON object.</source>
      <translation>管理幅度规则不是 JSON 对象。</translation>
    </message>
    <message>
      <source>The span-of-control rules come from a newer orgdesk; update orgdesk to use them.</source>
      <translation>管理幅度规则来自较新版本的 orgdesk；请更新 orgdesk 后再使用。</translation>
    </message>
    <message>
      <source>The span-of-control rules are not valid JSON.</source>
      <translation>管理幅度规则不是有效的 JSON。</translation>
    </message>
    <message>
      <source>The “{name}” part of the span-of-control rules is not an object.</source>
      <translation>管理幅度规则中的“{name}”部分不是对象。</translation>
    </message>
    <message>
      <source>“{where}.{key}” in the span-of-control rules must be true or false.</source>
      <translation>管理幅度规则中的“{where}.{key}”必须是 true 或 false。</translation>
    </message>
    <message>
      <source>“{where}.{key}” in the span-of-control rules must be a whole number from 0 to {limit}.</source>
      <translation>管理幅度规则中的“{where}.{key}”必须是 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
      <source>“roles.{where}.{key}” in the span-of-control rules must be a list of at most {limit} short texts.</source>
      <translation>管理幅度规则中的“roles.{where}.{key}”必须是最多 {limit} 条短文本的列表。</translation>
    </message>
    <message>
      <source>“roles.{name}” in the span-of-control rules is not an object.</source>
      <translation>管理幅度规则中的“roles.{name}”不是对象。</translation>
    </message>
    <message>
      <source>team leader</source>
      <translation>组长</translation>
    </message>
    <message>
      <source>QA inspector</source>
      <translation>质检员</translation>
    </message>
    <message>
      <source>trainer</source>
      <translation>培训师</translation>
    </message>
    <message>
      <source>The {name} rule needs numbers of at least 1.</source>
      <translation>{name}规则中的数字至少应为 1。</translation>
    </message>
    <message>
      <source>The {name} rule's range {low}-{high} starts after it ends.</source>
      <translation>{name}规则的范围 {low}-{high} 起点大于终点。</translation>
    </message>
    <message>
      <source>There is no position with the title or id “{text}”.</source>
      <translation>没有名称或编号为“{text}”的职位。</translation>
    </message>
    <message>
      <source>--dpi must be between 10 and 1200, not {dpi}.</source>
      <translation>--dpi 必须在 10 到 1200 之间，而不是 {dpi}。</translation>
    </message>
    <message>
      <source>--layout {layout} applies to data files (.json, .csv, .graphml, .xlsx); charts are laid out compact or dot.</source>
      <translation>--layout {layout} 用于数据文件（.json、.csv、.graphml、.xlsx）；图表的布局只能是 compact 或 dot。</translation>
    </message>
    <message>
      <source>“{file}” has no positions, so there is no chart to export.</source>
      <translation>“{file}”中没有职位，因此没有可导出的组织结构图。</translation>
    </message>
    <message>
      <source>{count} positions are called “{text}” (ids {ids}); give --root the id of the one you mean.</source>
      <translation>有 {count} 个职位名为“{text}”（编号 {ids}）；请为 --root 指定您所指职位的编号。</translation>
    </message>
    <message>
      <source>{file} already exists; choose another name.</source>
      <translation>{file} 已存在；请选择其他名称。</translation>
    </message>
    <message>
      <source>--layout {layout} applies to charts (png, svg, pdf, dot); data files take d3, orgchartjs, gojs, drawio, yed or visio.</source>
      <translation>--layout {layout} 仅适用于组织图（png、svg、pdf、dot）；数据文件可用 d3、orgchartjs、gojs、drawio、yed 或 visio。</translation>
    </message>
    <message>
      <source>“{pair}” is not of the form COLUMN=FIELD.</source>
      <translation>“{pair}”不符合“列=字段”（COLUMN=FIELD）的格式。</translation>
    </message>
    <message>
      <source>Cannot write “{file}”: the folder “{parent}” does not exist.</source>
      <translation>无法写入“{file}”：文件夹“{parent}”不存在。</translation>
    </message>
    <message>
      <source>Cannot read the rules file “{file}”: {reason}.</source>
      <translation>无法读取规则文件“{file}”：{reason}。</translation>
    </message>
    <message>
      <source>{file}: {reason}</source>
      <translation>{file}：{reason}</translation>
    </message>
    <message>
      <source>“{file}” already exists; choose another name.</source>
      <translation>“{file}”已存在；请选择其他名称。</translation>
    </message>
    <message>
      <source>orgdesk cannot export “.{suffix}” files; use one of: {known}.</source>
      <translation>orgdesk 无法导出“.{suffix}”文件；请使用以下格式之一：{known}。</translation>
    </message>
    <message>
      <source>A comparison is written as .pdf or .xlsx, not “{suffix}”.</source>
      <translation>比较结果只能写成 .pdf 或 .xlsx，而不是“{suffix}”。</translation>
    </message>
    <message>
      <source>The document has no position “{title}”.</source>
      <translation>文档中没有职位“{title}”。</translation>
    </message>
    <message>
      <source>“{title}” names {count} positions (ids {ids}); give one id.</source>
      <translation>“{title}”对应 {count} 个职位（编号 {ids}）；请给出其中一个编号。</translation>
    </message>
    <message>
      <source>“{text}” is not a number of calls an hour such as 120/h.</source>
      <translation>“{text}”不是每小时来话量，例如 120/h。</translation>
    </message>
    <message>
      <source>Cannot write {file}: its folder does not exist.</source>
      <translation>无法写入 {file}：所在文件夹不存在。</translation>
    </message>
    <message>
      <source>{count} positions are called “{text}” (ids {ids}); give {option} the id of the one you mean.</source>
      <translation>有 {count} 个职位名为“{text}”（编号 {ids}），请为 {option} 指定您要的那个职位的编号。</translation>
    </message>
    <message>
      <source>--prefer decides a merge's conflicts; use it with --merge.</source>
      <translation>--prefer 用于决定合并冲突；请与 --merge 一起使用。</translation>
    </message>
    <message>
      <source>A version holds every scenario of {file}; publish it without --scenario.</source>
      <translation>一个版本包含 {file} 的所有方案；发布时请不要加 --scenario。</translation>
    </message>
    <message>
      <source>{file} was not pulled from a team library; name its project with --project.</source>
      <translation>{file} 不是从团队库拉取的；请用 --project 指定项目。</translation>
    </message>
    <message>
      <source>“{file}” already exists; choose another name or add --overwrite.</source>
      <translation>“{file}”已存在；请另选名称或加上 --overwrite。</translation>
    </message>
    <message>
      <source>Published version {version} of “{project}”, but {file} could not be updated ({reason}); pull that version to go on from it.</source>
      <translation>已发布“{project}”的版本 {version}，但无法更新 {file}（{reason}）；请拉取该版本后继续。</translation>
    </message>
    <message>
      <source>Years of experience</source>
      <translation>工作年限</translation>
    </message>
    <message>
      <source>Minimum age</source>
      <translation>最低年龄</translation>
    </message>
    <message>
      <source>Maximum age</source>
      <translation>最高年龄</translation>
    </message>
    <message>
      <source>The minimum monthly pay</source>
      <translation>月薪下限</translation>
    </message>
    <message>
      <source>The maximum monthly pay</source>
      <translation>月薪上限</translation>
    </message>
    <message>
      <source>The on-cost percentage</source>
      <translation>社保公积金比例</translation>
    </message>
    <message>
      <source>A department needs a name.</source>
      <translation>部门需要名称。</translation>
    </message>
    <message>
      <source>A position needs a title.</source>
      <translation>职位需要名称。</translation>
    </message>
    <message>
      <source>A dotted-line relation needs two different positions.</source>
      <translation>虚线汇报关系需要两个不同的职位。</translation>
    </message>
    <message>
      <source>Education “{education}” is not one of {names}.</source>
      <translation>学历“{education}”不是 {names} 之一。</translation>
    </message>
    <message>
      <source>The age range {low}-{high} starts after it ends.</source>
      <translation>年龄范围 {low}-{high} 的起点大于终点。</translation>
    </message>
    <message>
      <source>Colour “{colour}” is not of the form #RRGGBB.</source>
      <translation>颜色“{colour}”不是 #RRGGBB 格式。</translation>
    </message>
    <message>
      <source>Planned headcount of “{title}” cannot be negative.</source>
      <translation>“{title}”的定员人数不能为负数。</translation>
    </message>
    <message>
      <source>Filled headcount of “{title}” cannot be negative.</source>
      <translation>“{title}”的在岗人数不能为负数。</translation>
    </message>
    <message>
      <source>“{title}” cannot report to itself.</source>
      <translation>“{title}”不能向自己汇报。</translation>
    </message>
    <message>
      <source>The monthly pay range {low}-{high} of “{title}” starts after it ends.</source>
      <translation>“{title}”的月薪范围 {low}-{high} 起点高于终点。</translation>
    </message>
    <message>
      <source>{label} must be between 0 and 200, not {value}.</source>
      <translation>{label}必须在 0 到 200 之间，而不是 {value}。</translation>
    </message>
    <message>
      <source>{label} of “{title}” must be between 0 and {limit}, not {value}.</source>
      <translation>“{title}”的{label}必须在 0 到 {limit} 之间，而不是 {value}。</translation>
    </message>
    <message>
      <source>No new id is left in this document: its ids have reached the largest number a file can store.</source>
      <translation>本文档已没有可用的新编号：编号已达到文件能存储的最大值。</translation>
    </message>
    <message>
      <source>Use move_position to change a superior or sibling order.</source>
      <translation>更改上级或同级顺序请使用移动操作。</translation>
    </message>
    <message>
      <source>A setting needs a name.</source>
      <translation>设置需要名称。</translation>
    </message>
    <message>
      <source>The reporting lines form a cycle: {titles}.</source>
      <translation>汇报关系形成了循环：{titles}。</translation>
    </message>
    <message>
      <source>“{title}” cannot report to “{target}”, which is one of its own reports.</source>
      <translation>“{title}”不能向“{target}”汇报，因为后者是它自己的下属。</translation>
    </message>
    <message>
      <source>Position id {id} is already used.</source>
      <translation>职位编号 {id} 已被使用。</translation>
    </message>
    <message>
      <source>“{title}” still has direct reports; move or remove them first.</source>
      <translation>“{title}”仍有直接下属，请先移走或删除它们。</translation>
    </message>
    <message>
      <source>Department id {id} is already used.</source>
      <translation>部门编号 {id} 已被使用。</translation>
    </message>
    <message>
      <source>There is already a department called “{name}”.</source>
      <translation>已有名为“{name}”的部门。</translation>
    </message>
    <message>
      <source>Relation id {id} is already used.</source>
      <translation>关系编号 {id} 已被使用。</translation>
    </message>
    <message>
      <source>Department id {id} appears twice.</source>
      <translation>部门编号 {id} 出现了两次。</translation>
    </message>
    <message>
      <source>Relation id {id} appears twice.</source>
      <translation>关系编号 {id} 出现了两次。</translation>
    </message>
    <message>
      <source>Position id {id} appears twice.</source>
      <translation>职位编号 {id} 出现了两次。</translation>
    </message>
    <message>
      <source>“{title}” belongs to department {department_id}, which does not exist.</source>
      <translation>“{title}”所属的部门 {department_id} 不存在。</translation>
    </message>
    <message>
      <source>There is no position with id {pid}.</source>
      <translation>没有编号为 {pid} 的职位。</translation>
    </message>
    <message>
      <source>There is no department with id {did}.</source>
      <translation>没有编号为 {did} 的部门。</translation>
    </message>
    <message>
      <source>There is no relation with id {rid}.</source>
      <translation>没有编号为 {rid} 的关系。</translation>
    </message>
    <message>
      <source>“{title}” reports to position {superior_id}, which does not exist.</source>
      <translation>“{title}”的上级职位 {superior_id} 不存在。</translation>
    </message>
    <message>
      <source>A dotted-line relation points at position {end}, which does not exist.</source>
      <translation>某条虚线关系指向的职位 {end} 不存在。</translation>
    </message>
    <message>
      <source>Expected a list of KPIs.</source>
      <translation>此处应为 KPI 列表。</translation>
    </message>
    <message>
      <source>Expected a list of texts.</source>
      <translation>此处应为文本列表。</translation>
    </message>
    <message>
      <source>Expected text, found {type}.</source>
      <translation>应为文本，实际为 {type}。</translation>
    </message>
    <message>
      <source>A position record is incomplete or malformed ({reason}).</source>
      <translation>某条职位记录不完整或格式错误（{reason}）。</translation>
    </message>
    <message>
      <source>A department record is incomplete or malformed ({reason}).</source>
      <translation>某条部门记录不完整或格式错误（{reason}）。</translation>
    </message>
    <message>
      <source>“{name}” must be a table of values.</source>
      <translation>“{name}”必须是值的表。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must be a whole number from 0 to {limit}.</source>
      <translation>文档设置“{setting}”必须是 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must be a JSON object.</source>
      <translation>文档设置“{setting}”必须是 JSON 对象。</translation>
    </message>
    <message>
      <source>The chart orientation in the document setting “{setting}” must be “tb” or “lr”.</source>
      <translation>文档设置“{setting}”中的图表方向必须是“tb”或“lr”。</translation>
    </message>
    <message>
      <source>The chart detail in the document setting “{setting}” must be 1, 2 or 3.</source>
      <translation>文档设置“{setting}”中的图表详细程度必须是 1、2 或 3。</translation>
    </message>
    <message>
      <source>The team totals in the document setting “{setting}” must be true or false.</source>
      <translation>文档设置“{setting}”中的团队合计必须为 true 或 false。</translation>
    </message>
    <message>
      <source>The arrangements in the document setting “{setting}” must be a JSON object.</source>
      <translation>文档设置“{setting}”中的排列方式必须是 JSON 对象。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must be a list of position ids.</source>
      <translation>文档设置“{setting}”必须是职位编号的列表。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” names a position twice.</source>
      <translation>文档设置“{setting}”重复列出了同一职位。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must be a currency code of three capital letters, such as CNY.</source>
      <translation>文档设置“{setting}”必须是三个大写字母的货币代码，例如 CNY。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must name a server, a project and a version.</source>
      <translation>文档设置“{setting}”必须指明服务器、项目和版本。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” holds a password.</source>
      <translation>文档设置“{setting}”中含有密码。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” holds text that is not valid Unicode.</source>
      <translation>文档设置“{setting}”含有无效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” is nested too deeply or is too large.</source>
      <translation>文档设置“{setting}”嵌套过深或过大。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” names a position “{key}” that is not a positive id.</source>
      <translation>文档设置“{setting}”中的职位“{key}”不是正整数编号。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” gives an unknown arrangement for position {key}.</source>
      <translation>文档设置“{setting}”为岗位 {key} 指定了未知的排列方式。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” holds “{item}”, which is not a positive position id.</source>
      <translation>文档设置“{setting}”包含“{item}”，它不是正的职位编号。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” must hold a JSON object for position {key}.</source>
      <translation>文档设置“{setting}”中职位 {key} 的值必须是 JSON 对象。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” is not valid JSON.</source>
      <translation>文档设置“{setting}”不是有效的 JSON。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” holds a number too large to store.</source>
      <translation>文档设置“{setting}”含有过大、无法保存的数字。</translation>
    </message>
    <message>
      <source>A document setting needs a short name.</source>
      <translation>文档设置需要一个简短的名称。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” holds a number that is not finite.</source>
      <translation>文档设置“{setting}”含有非有限数字。</translation>
    </message>
    <message>
      <source>The document setting “{setting}” is not plain JSON data.</source>
      <translation>文档设置“{setting}”不是普通的 JSON 数据。</translation>
    </message>
    <message>
      <source>The organisation changed after the structure was derived; derive it again.</source>
      <translation>推算支持岗位后组织结构已改变，请重新推算。</translation>
    </message>
    <message>
      <source>The agent seats of “{title}” must be a whole number of at least 0.</source>
      <translation>“{title}”的座席数必须是不小于 0 的整数。</translation>
    </message>
    <message>
      <source>“{text}” is not a time of day such as 08:00.</source>
      <translation>“{text}”不是有效的时刻，例如 08:00。</translation>
    </message>
    <message>
      <source>“{text}” is not opening hours such as 08:00-22:00.</source>
      <translation>“{text}”不是有效的营业时间，例如 08:00-22:00。</translation>
    </message>
    <message>
      <source>“{text}” is not a service-level target such as 80/20 (80 % answered within 20 seconds).</source>
      <translation>“{text}”不是有效的服务水平目标，例如 80/20（20 秒内接通 80%）。</translation>
    </message>
    <message>
      <source>The workload's interval table must be a list of [start minute, contacts] pairs.</source>
      <translation>工作量的时段表必须是 [开始分钟, 来话量] 对的列表。</translation>
    </message>
    <message>
      <source>The document setting “workloads” must be a JSON object.</source>
      <translation>文档设置“workloads”必须是 JSON 对象。</translation>
    </message>
    <message>
      <source>The busiest interval holds {erlangs:,.0f} Erlangs; orgdesk sizes up to {limit:,.0f} Erlangs an interval.</source>
      <translation>最繁忙的时段话务量为 {erlangs:,.0f} 爱尔兰；orgdesk 每个时段最多测算 {limit:,.0f} 爱尔兰。</translation>
    </message>
    <message>
      <source>Erlang A is sized up to {limit:,.0f} Erlangs an interval and the busiest holds {erlangs:,.0f}; leave out the callers' patience.</source>
      <translation>Erlang A 每个时段最多测算 {limit:,.0f} 爱尔兰，而最繁忙的时段为 {erlangs:,.0f}；请不要填写来电者耐心时长。</translation>
    </message>
    <message>
      <source>The channel must be voice, chat or email, not “{channel}”.</source>
      <translation>渠道必须是 voice（语音）、chat（在线）或 email（邮件），不能是“{channel}”。</translation>
    </message>
    <message>
      <source>The average handle time must be from 1 to 86,400 seconds.</source>
      <translation>平均处理时长必须在 1 到 86,400 秒之间。</translation>
    </message>
    <message>
      <source>A workload needs a service-level target or an ASA target.</source>
      <translation>工作量需要服务水平目标或平均应答速度（ASA）目标。</translation>
    </message>
    <message>
      <source>The service-level time must be from 0 to 86,400 seconds.</source>
      <translation>服务水平时限必须在 0 到 86,400 秒之间。</translation>
    </message>
    <message>
      <source>The maximum occupancy must be a percentage above 0 and at most 100.</source>
      <translation>最高占用率必须是大于 0、不超过 100 的百分比。</translation>
    </message>
    <message>
      <source>The shrinkage must be a percentage from 0 to below 100.</source>
      <translation>缩减率必须是 0 到 100 之间（不含 100）的百分比。</translation>
    </message>
    <message>
      <source>The chats per agent must be from 1 to 20.</source>
      <translation>每名座席同时处理的会话数必须在 1 到 20 之间。</translation>
    </message>
    <message>
      <source>The response window must be from 1 minute to 7 days.</source>
      <translation>响应时限必须在 1 分钟到 7 天之间。</translation>
    </message>
    <message>
      <source>The paid hours per FTE must be from 1 to 168 a week.</source>
      <translation>每人每周带薪小时数必须在 1 到 168 之间。</translation>
    </message>
    <message>
      <source>The opening days must be from 1 to 7 a week.</source>
      <translation>每周营业天数必须在 1 到 7 之间。</translation>
    </message>
    <message>
      <source>The minimum agents per interval must be a whole number from 0 to 100,000.</source>
      <translation>每个时段的最少座席数必须是 0 到 100,000 之间的整数。</translation>
    </message>
    <message>
      <source>The interval must be 15, 30 or 60 minutes.</source>
      <translation>时段长度必须是 15、30 或 60 分钟。</translation>
    </message>
    <message>
      <source>The opening hours {opens}-{closes} must close after they open.</source>
      <translation>营业时间 {opens}-{closes} 的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
      <source>The opening hours {opens}-{closes} must start and end on {step}-minute intervals.</source>
      <translation>营业时间 {opens}-{closes} 必须在 {step} 分钟时段的边界上开始和结束。</translation>
    </message>
    <message>
      <source>The forecast has more than {limit:,} intervals.</source>
      <translation>预测的时段超过 {limit:,} 个。</translation>
    </message>
    <message>
      <source>The intraday profile has {given} shares but the opening hours hold {slots} intervals.</source>
      <translation>日内分布有 {given} 个比例，但营业时间包含 {slots} 个时段。</translation>
    </message>
    <message>
      <source>The intraday profile's shares add up to nothing.</source>
      <translation>日内分布的比例之和为零。</translation>
    </message>
    <message>
      <source>A workload must be a JSON object.</source>
      <translation>工作量必须是 JSON 对象。</translation>
    </message>
    <message>
      <source>A workload has an unknown entry “{key}”.</source>
      <translation>工作量含有未知的项“{key}”。</translation>
    </message>
    <message>
      <source>A workload needs an average handle time.</source>
      <translation>工作量需要平均处理时长。</translation>
    </message>
    <message>
      <source>The document setting “workloads” names a position “{key}” that is not a positive id.</source>
      <translation>文档设置“workloads”中的职位“{key}”不是正整数编号。</translation>
    </message>
    <message>
      <source>The service-level target must be a percentage above 0 and below 100.</source>
      <translation>服务水平目标必须是大于 0、小于 100 的百分比。</translation>
    </message>
    <message>
      <source>The ASA target must be more than 0 and at most 86,400 seconds.</source>
      <translation>平均应答速度（ASA）目标必须大于 0 秒且不超过 86,400 秒。</translation>
    </message>
    <message>
      <source>The callers' patience must be from 1 to 86,400 seconds.</source>
      <translation>来电者的平均耐心时长必须在 1 到 86,400 秒之间。</translation>
    </message>
    <message>
      <source>A workload needs an interval table or a daily volume.</source>
      <translation>工作量需要时段表或日来话量。</translation>
    </message>
    <message>
      <source>The opening hours must be times of day such as 08:00-22:00.</source>
      <translation>营业时间必须是时刻，例如 08:00-22:00。</translation>
    </message>
    <message>
      <source>An interval of the forecast starts at an impossible time.</source>
      <translation>预测中有一个时段的开始时间不存在。</translation>
    </message>
    <message>
      <source>The interval at {time} does not start on a {step}-minute boundary.</source>
      <translation>{time} 的时段没有从 {step} 分钟的边界开始。</translation>
    </message>
    <message>
      <source>The forecast gives the interval at {time} twice.</source>
      <translation>预测中 {time} 的时段出现了两次。</translation>
    </message>
    <message>
      <source>The contacts at {time} must be a number, not negative.</source>
      <translation>{time} 的来话量必须是不小于 0 的数字。</translation>
    </message>
    <message>
      <source>The forecast has contacts at {time}, outside the opening hours {opens}-{closes}; widen the hours or remove those rows.</source>
      <translation>预测在 {time} 有来话，超出了营业时间 {opens}-{closes}；请延长营业时间或删除这些行。</translation>
    </message>
    <message>
      <source>The intraday profile's shares must be numbers, not negative.</source>
      <translation>日内分布的比例必须是不小于 0 的数字。</translation>
    </message>
    <message>
      <source>The workload's opening hours must be text such as 08:00-22:00.</source>
      <translation>工作量的营业时间必须是文本，例如 08:00-22:00。</translation>
    </message>
    <message>
      <source>The workload's intraday profile must be a list of numbers.</source>
      <translation>工作量的日内分布必须是数字列表。</translation>
    </message>
    <message>
      <source>The daily volume must be a number of contacts, not negative.</source>
      <translation>日来话量必须是不小于 0 的数字。</translation>
    </message>
    <message>
      <source>The workload's “{key}” must be a whole number.</source>
      <translation>工作量的“{key}”必须是整数。</translation>
    </message>
    <message>
      <source>The workload's “{key}” must be text.</source>
      <translation>工作量的“{key}”必须是文本。</translation>
    </message>
    <message>
      <source>The workload's “{key}” must be a number.</source>
      <translation>工作量的“{key}”必须是数字。</translation>
    </message>
    <message>
      <source>This chart is too large for one image; export it to a file, which is then written as several images.</source>
      <translation>此组织图太大，无法放在一张图片中；请导出到文件，届时会写成多张图片。</translation>
    </message>
    <message>
      <source>Graphviz is not available: install it (on Debian or Ubuntu: sudo apt-get install graphviz) or reinstall orgdesk with pip.</source>
      <translation>Graphviz 不可用：请安装它（Debian 或 Ubuntu：sudo apt-get install graphviz），或用 pip 重新安装 orgdesk。</translation>
    </message>
    <message>
      <source>Graphviz took longer than {seconds} seconds (orgdesk's limit for one chart) and was stopped; export a branch (--root) or fewer levels (--depth).</source>
      <translation>Graphviz 用时超过 {seconds} 秒（orgdesk 对一张图的限制），已被停止；请导出一个分支（--root）或减少层级（--depth）。</translation>
    </message>
    <message>
      <source>Graphviz could not draw the chart: {problem}.</source>
      <translation>Graphviz 无法绘制此图：{problem}。</translation>
    </message>
    <message>
      <source>Graphviz stopped without saying why, which usually means the chart needs more memory than there is; export a branch (--root) or fewer levels (--depth).</source>
      <translation>Graphviz 未说明原因就停止了，这通常表示此图所需内存超出可用内存；请导出一个分支（--root）或减少层级（--depth）。</translation>
    </message>
    <message>
      <source>The embedded Graphviz cannot write {format} directly.</source>
      <translation>内置的 Graphviz 无法直接写出 {format}。</translation>
    </message>
    <message>
      <source>Graphviz could not be started: {reason}.</source>
      <translation>无法启动 Graphviz：{reason}。</translation>
    </message>
    <message>
      <source>orgdesk writes the handbook as .pdf, .docx or .html, not “{suffix}”.</source>
      <translation>orgdesk 可将手册写为 .pdf、.docx 或 .html，而不是“{suffix}”。</translation>
    </message>
    <message>
      <source>This handbook would describe {count} positions and orgdesk writes at most {limit} in one handbook; write it for a branch (--root).</source>
      <translation>此岗位说明书将包含 {count} 个岗位，orgdesk 一本说明书最多写 {limit} 个；请为一个分支编写（--root）。</translation>
    </message>
    <message>
      <source>orgdesk cannot write a handbook as “{format}”.</source>
      <translation>orgdesk 无法将手册写为“{format}”。</translation>
    </message>
    <message>
      <source>No font that can show Chinese is installed, so the handbook cannot be made; install one (on Debian or Ubuntu: sudo apt-get install fonts-noto-cjk).</source>
      <translation>未安装能显示中文的字体，无法生成岗位说明书；请安装一种（Debian 或 Ubuntu：sudo apt-get install fonts-noto-cjk）。</translation>
    </message>
    <message>
      <source>At {dpi} dpi this chart would be {width} × {height} pixels, {tiles} images, and orgdesk writes at most {limit}; export SVG, a PDF poster (--poster), the chart left to right (--orientation lr) or fewer levels (--depth).</source>
      <translation>在 {dpi} dpi 下此组织结构图将为 {width} × {height} 像素，需要 {tiles} 张图片，而 orgdesk 最多写入 {limit} 张；请导出 SVG、PDF 海报（--poster）、从左到右的图（--orientation lr）或更少的层级（--depth）。</translation>
    </message>
    <message>
      <source>This chart has {boxes} positions and orgdesk draws at most {limit} in one {format} file; export a branch (--root) or fewer levels (--depth).</source>
      <translation>此组织图有 {boxes} 个岗位，orgdesk 在一个 {format} 文件中最多绘制 {limit} 个；请导出一个分支（--root）或减少层级（--depth）。</translation>
    </message>
    <message>
      <source>This chart would print on about {pages} pages and orgdesk prints at most {limit}; scale it to one page (--fit), use larger paper (--paper a1), export a branch (--root) or fewer levels (--depth).</source>
      <translation>此组织结构图约需打印 {pages} 页，而 orgdesk 最多打印 {limit} 页；请缩放到一页（--fit）、使用更大的纸张（--paper a1）、导出一个分支（--root）或更少的层级（--depth）。</translation>
    </message>
    <message>
      <source>“{paper}” is not a paper size; use a4, a3, a2, a1, letter or a size such as 600x900mm.</source>
      <translation>“{paper}”不是纸张尺寸；请使用 a4、a3、a2、a1、letter 或 600x900mm 这样的尺寸。</translation>
    </message>
    <message>
      <source>A paper size must be between 50 mm and 5,000 mm a side, not {paper}.</source>
      <translation>纸张每边须在 50 毫米到 5,000 毫米之间，而不是 {paper}。</translation>
    </message>
    <message>
      <source>Cannot write {file}: the folder “{folder}” does not exist.</source>
      <translation>无法写入 {file}：文件夹“{folder}”不存在。</translation>
    </message>
    <message>
      <source>Cannot write {file}: {reason}; nothing was changed.</source>
      <translation>无法写入 {file}：{reason}；未做任何更改。</translation>
    </message>
    <message>
      <source>Cannot write {file}: a folder has that name.</source>
      <translation>无法写入 {file}：已有同名文件夹。</translation>
    </message>
    <message>
      <source>Cannot write {file}: the file is read-only.</source>
      <translation>无法写入 {file}：该文件为只读。</translation>
    </message>
    <message>
      <source>Cannot write {file}: the folder is read-only.</source>
      <translation>无法写入 {file}：该文件夹为只读。</translation>
    </message>
    <message>
      <source>the id “{id}” in column “{column}” is already used by {place}; give each position its own id, or map a column whose values all differ to the id (--map COLUMN=id).</source>
      <translation>“{column}”列中的编号“{id}”已被{place}使用；请给每个职位各自的编号，或把值互不相同的一列映射为编号（--map COLUMN=id）。</translation>
    </message>
    <message>
      <source>the id “{id}” in key “{column}” is already used by {place}; give each position its own id, or map a key whose values all differ to the id (--map KEY=id).</source>
      <translation>键“{column}”中的编号“{id}”已被{place}使用；请给每个职位各自的编号，或把值互不相同的一个键映射为编号（--map KEY=id）。</translation>
    </message>
    <message>
      <source>the value “{value}” in column “{column}” is not the id or title of any row; correct it, or if it means “no superior”, name it as a no-superior token (--null {value}).</source>
      <translation>“{column}”列中的值“{value}”不是任何一行的编号或职位；请更正它，如果它表示“没有上级”，请把它设为“无上级”标记（--null {value}）。</translation>
    </message>
    <message>
      <source>the value “{value}” in key “{column}” is not the id or title of any entry; correct it, or if it means “no superior”, name it as a no-superior token (--null {value}).</source>
      <translation>键“{column}”中的值“{value}”不是任何条目的编号或职位名称；请更正它，如果它表示“无上级”，请将其指定为无上级标记（--null {value}）。</translation>
    </message>
    <message>
      <source>the dotted line from “{source}” to “{target}” names “{value}” in {where}, which is not the id of any position; correct it or delete the dotted line.</source>
      <translation>从“{source}”到“{target}”的虚线汇报在{where}中写的是“{value}”，它不是任何职位的编号；请更正或删除这条虚线汇报。</translation>
    </message>
    <message>
      <source>the dotted line from “{source}” to “{target}” names “{value}” in {where}, which is not the id, name or title of any position; correct it or delete the dotted line.</source>
      <translation>从“{source}”到“{target}”的虚线汇报在{where}中写的是“{value}”，它不是任何职位的编号、姓名或职位名称；请更正或删除这条虚线汇报。</translation>
    </message>
    <message>
      <source>the id “{id}” is already used by {place}; give each position its own id.</source>
      <translation>编号“{id}”已被{place}使用；请给每个职位各自的编号。</translation>
    </message>
    <message>
      <source>the superior “{superior}” is not the id or title of any position in the file.</source>
      <translation>上级“{superior}”不是文件中任何职位的编号或名称。</translation>
    </message>
    <message>
      <source>the file</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>the dotted line from “{source}” to “{target}” names “{value}” in {where}, which could be any of {places}; name the position by its id.</source>
      <translation>从“{source}”到“{target}”的虚线汇报在{where}中写的是“{value}”，它可能是{places}中的任何一个；请用编号指明该职位。</translation>
    </message>
    <message>
      <source>key “{column}”</source>
      <translation>键“{column}”</translation>
    </message>
    <message>
      <source>column “{column}”</source>
      <translation>“{column}”列</translation>
    </message>
    <message>
      <source>The superior of {places} is itself, so it was read as a top position.</source>
      <translation>{places}的上级是它自己，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>The superiors of {places} are themselves, so they were read as top positions.</source>
      <translation>{places}的上级是它们自己，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>{count} positions have no superior ({places}); choose what to do with several top positions: keep them side by side (--forest), or put them under a new top position that you name (--root-title TITLE).</source>
      <translation>有 {count} 个职位没有上级（{places}）；请选择如何处理多个最高职位：并列保留（--forest），或放在一个由您命名的新最高职位之下（--root-title 职位名称）。</translation>
    </message>
    <message>
      <source>The value in column “{column}” of {places} is its own id, so it was read as a top position.</source>
      <translation>{places}的“{column}”列是它自己的编号，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>The value in key “{column}” of {places} is its own id, so it was read as a top position.</source>
      <translation>{places}的键“{column}”是它自己的编号，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>The values in column “{column}” of {places} are their own ids, so they were read as top positions.</source>
      <translation>{places}的“{column}”列是它们自己的编号，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>The values in key “{column}” of {places} are their own ids, so they were read as top positions.</source>
      <translation>{places}的键“{column}”是它们自己的编号，因此已作为最高职位读入。</translation>
    </message>
    <message>
      <source>the value “{value}” in column “{column}” is its own id, so it reports to itself; empty the cell to make it a top position, or correct it.</source>
      <translation>“{column}”列中的值“{value}”是它自己的编号，即向自己汇报；清空该单元格使其成为最高职位，或更正它。</translation>
    </message>
    <message>
      <source>the value “{value}” in key “{column}” is its own id, so it reports to itself; empty the value to make it a top position, or correct it.</source>
      <translation>键“{column}”中的值“{value}”是它自己的编号，即向自己汇报；清空该值使其成为最高职位，或更正它。</translation>
    </message>
    <message>
      <source>it reports to itself; give it no superior to make it a top position, or correct its superior.</source>
      <translation>它向自己汇报；去掉其上级使其成为最高职位，或更正其上级。</translation>
    </message>
    <message>
      <source>the edges between {places} form a cycle: {titles}; remove one of those edges or turn it round, so that every node has one way up to the top.</source>
      <translation>{places}之间的连线构成了循环：{titles}；请删除其中一条连线或将其反向，使每个节点都只有一条通往最高职位的路径。</translation>
    </message>
    <message>
      <source>the superior “{superior}” in column “{column}” could be any of {places}; name superiors by id (--map COLUMN=id and --map COLUMN=superior), or give those positions different names.</source>
      <translation>“{column}”列中的上级“{superior}”可能是{places}中的任何一个；请按编号指定上级（--map COLUMN=id 和 --map COLUMN=superior），或给这些职位不同的名称。</translation>
    </message>
    <message>
      <source>the superior “{superior}” in key “{column}” could be any of {places}; name superiors by id (--map KEY=id and --map KEY=superior), or give those positions different names.</source>
      <translation>键“{column}”中的上级“{superior}”可能是{places}中的任何一个；请按编号指定上级（--map KEY=id 和 --map KEY=superior），或给这些职位不同的名称。</translation>
    </message>
    <message>
      <source>the superior “{superior}” could be any of {places}; give each an id.</source>
      <translation>上级“{superior}”可能是{places}中的任何一个；请为每个职位指定编号。</translation>
    </message>
    <message>
      <source>the reporting lines of {places} form a cycle: {titles}; correct the superior in column “{column}” of one of them, or empty it to make that one a top position.</source>
      <translation>{places}的汇报关系构成循环：{titles}；请更正其中一个的“{column}”列中的上级，或清空它使该职位成为最高职位。</translation>
    </message>
    <message>
      <source>the reporting lines of {places} form a cycle: {titles}; correct the superior in key “{column}” of one of them, or remove it to make that one a top position.</source>
      <translation>{places}的汇报关系构成循环：{titles}；请更正其中一个的键“{column}”中的上级，或删除它使该职位成为最高职位。</translation>
    </message>
    <message>
      <source>the reporting lines of {places} form a cycle: {titles}; correct the superior of one of them.</source>
      <translation>{places}的汇报关系构成循环：{titles}；请更正其中一个的上级。</translation>
    </message>
    <message>
      <source>it has no title and its cell in column “{column}” is empty too; give such rows a placeholder title (--empty-title TEXT).</source>
      <translation>它没有职位名称，“{column}”列的单元格也是空的；请为这样的行指定一个占位职位名称（--empty-title 文本）。</translation>
    </message>
    <message>
      <source>it has no title; give rows without one a placeholder title (--empty-title TEXT) or take it from another column (--empty-title column:COLUMN).</source>
      <translation>它没有职位名称；请为没有职位名称的行指定一个占位名称（--empty-title 文本），或从另一列取值（--empty-title column:列名）。</translation>
    </message>
    <message>
      <source>“{value}” is not an age range such as 25-35</source>
      <translation>“{value}”不是类似 25-35 的年龄范围</translation>
    </message>
    <message>
      <source>“{value}” is neither line nor staff</source>
      <translation>“{value}”既不是直线职位也不是参谋职位</translation>
    </message>
    <message>
      <source>“{token}” is not a whole number orgdesk can hold</source>
      <translation>“{token}”不是 orgdesk 可以保存的整数</translation>
    </message>
    <message>
      <source>{value} is not a whole number</source>
      <translation>{value} 不是整数</translation>
    </message>
    <message>
      <source>“{value}” is not a whole number</source>
      <translation>“{value}”不是整数</translation>
    </message>
    <message>
      <source>“{value}” is not an education level ({names})</source>
      <translation>“{value}”不是学历等级（{names}）</translation>
    </message>
    <message>
      <source>{value} is outside 0-{limit}</source>
      <translation>{value} 超出 0-{limit} 的范围</translation>
    </message>
    <message>
      <source>“{record}” (correct the line or delete it): {reason}</source>
      <translation>“{record}”（请更正或删除该行）：{reason}</translation>
    </message>
    <message>
      <source>{reason}.</source>
      <translation>{reason}。</translation>
    </message>
    <message>
      <source>“{column}”: {reason}.</source>
      <translation>“{column}”：{reason}。</translation>
    </message>
    <message>
      <source>the value of the setting “{name}” is not JSON.</source>
      <translation>设置“{name}”的值不是 JSON。</translation>
    </message>
    <message>
      <source>“{value}” is not a dotted line's id (a whole number before “=”); correct it or leave it out</source>
      <translation>“{value}”不是虚线汇报的编号（“=”前应为整数）；请更正或删去</translation>
    </message>
    <message>
      <source>“{target}” is not the ID of any position in the file; correct it or delete the line</source>
      <translation>“{target}”不是文件中任何岗位的编号；请更正或删除该行</translation>
    </message>
    <message>
      <source>“{value}” is not a kind of dotted line ({kinds}); write it as target:kind:label</source>
      <translation>“{value}”不是虚线汇报的类型（{kinds}）；请写成 目标:类型:说明</translation>
    </message>
    <message>
      <source>“{record}”: the date “{name}” reads “{value}”, not a date such as 2026-01-31T09:00:00+00:00; correct it or delete the line.</source>
      <translation>“{record}”：日期“{name}”为“{value}”，不是 2026-01-31T09:00:00+00:00 这样的日期；请更正或删除该行。</translation>
    </message>
    <message>
      <source>{file} line {line}: {reason}.</source>
      <translation>{file} 第 {line} 行：{reason}。</translation>
    </message>
    <message>
      <source>{file} line {line}: a cell is longer than {limit} characters, the most orgdesk reads.</source>
      <translation>{file} 第 {line} 行：有单元格超过 {limit} 个字符，超出 orgdesk 能读取的上限。</translation>
    </message>
    <message>
      <source>{file} line {line}: a quoted cell is never closed (its closing quote mark is missing).</source>
      <translation>{file} 第 {line} 行：有带引号的单元格没有结束（缺少右引号）。</translation>
    </message>
    <message>
      <source>The field “{field}” of position {id} (“{title}”) would be a CSV cell of {length} characters, more than orgdesk reads back ({limit}); shorten it.</source>
      <translation>岗位 {id}（“{title}”）的字段“{field}”将成为 {length} 个字符的 CSV 单元格，超过 orgdesk 能读回的长度（{limit}）；请缩短。</translation>
    </message>
    <message>
      <source>{file} is empty.</source>
      <translation>{file} 是空文件。</translation>
    </message>
    <message>
      <source>{file} cannot be read: {reason}.</source>
      <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
      <source>“{encoding}” is not a text encoding orgdesk knows.</source>
      <translation>“{encoding}”不是 orgdesk 认识的文本编码。</translation>
    </message>
    <message>
      <source>{file} is not {encoding} text; choose another encoding.</source>
      <translation>{file} 不是 {encoding} 文本；请选择其他编码。</translation>
    </message>
    <message>
      <source>{file} is empty: it has no header row.</source>
      <translation>{file} 是空的：没有标题行。</translation>
    </message>
    <message>
      <source>{file} line {line}: the “#” lines above the header row are longer than orgdesk reads.</source>
      <translation>{file} 第 {line} 行：表头上方的“#”行超出了 orgdesk 可读取的长度。</translation>
    </message>
    <message>
      <source>{file} line {line} is not {encoding} text; choose another encoding.</source>
      <translation>{file} 第 {line} 行不是 {encoding} 文本；请选择其他编码。</translation>
    </message>
    <message>
      <source>A “{record}” line would hold a CSV cell of {length} characters, more than orgdesk reads back ({limit}); shorten it.</source>
      <translation>“{record}”行将包含 {length} 个字符的 CSV 单元格，超过 orgdesk 可读回的上限（{limit}）；请缩短。</translation>
    </message>
    <message>
      <source>the draw.io connect line needs the column names “from” and “to”; add them or delete the line.</source>
      <translation>draw.io 的 connect 行需要列名“from”和“to”；请补上或删除该行。</translation>
    </message>
    <message>
      <source>the draw.io connect line names the column “{column}”, which the header row does not have; its columns are: {names}.</source>
      <translation>draw.io 的 connect 行指定了列“{column}”，但表头中没有该列；现有列为：{names}。</translation>
    </message>
    <message>
      <source>the draw.io connect line is not valid JSON ({reason}); correct it or delete the line.</source>
      <translation>draw.io 的 connect 行不是有效的 JSON（{reason}）；请更正或删除该行。</translation>
    </message>
    <message>
      <source>“{column}”: the row names itself (draw.io connect line {line}); delete “{value}”.</source>
      <translation>“{column}”：该行指向了自身（draw.io 第 {line} 行的 connect）；请删除“{value}”。</translation>
    </message>
    <message>
      <source>“{column}”: “{value}” is not the “{target}” of any row (draw.io connect line {line}); correct it or delete it.</source>
      <translation>“{column}”：“{value}”不是任何一行的“{target}”（draw.io 第 {line} 行的 connect）；请更正或删除。</translation>
    </message>
    <message>
      <source>{what} has {length} characters, more than an Excel cell holds ({limit}); shorten it, or export CSV or JSON, which hold any length.</source>
      <translation>{what}有 {length} 个字符，超过 Excel 单元格的容量（{limit}）；请缩短，或导出为 CSV 或 JSON（不限长度）。</translation>
    </message>
    <message>
      <source>An Excel sheet holds {limit} positions at most, and this document has {count}; export CSV or JSON instead.</source>
      <translation>Excel 工作表最多容纳 {limit} 个岗位，而此文档有 {count} 个；请改为导出 CSV 或 JSON。</translation>
    </message>
    <message>
      <source>The name of department {id}</source>
      <translation>部门 {id} 的名称</translation>
    </message>
    <message>
      <source>The label of dotted line {id}</source>
      <translation>虚线汇报 {id} 的说明</translation>
    </message>
    <message>
      <source>The document's “{field}”</source>
      <translation>文档的“{field}”</translation>
    </message>
    <message>
      <source>The field “{field}” of position {id} (“{title}”)</source>
      <translation>岗位 {id}（“{title}”）的字段“{field}”</translation>
    </message>
    <message>
      <source>There is no field called “{text}”; fields are: {known}.</source>
      <translation>没有名为“{text}”的字段；可用字段为：{known}。</translation>
    </message>
    <message>
      <source>{file} holds no intervals.</source>
      <translation>{file} 中没有任何时段。</translation>
    </message>
    <message>
      <source>{file} gives a date for some intervals but not for others.</source>
      <translation>{file} 中部分时段有日期，部分没有。</translation>
    </message>
    <message>
      <source>The intervals of {file} are {step} minutes apart; orgdesk sizes 15, 30 or 60-minute intervals.</source>
      <translation>{file} 的时段间隔为 {step} 分钟；orgdesk 只能按 15、30 或 60 分钟的时段测算。</translation>
    </message>
    <message>
      <source>{file} is not a forecast orgdesk reads; save it as CSV or Excel (.xlsx).</source>
      <translation>{file} 不是 orgdesk 能读取的预测文件；请另存为 CSV 或 Excel（.xlsx）。</translation>
    </message>
    <message>
      <source>{file} needs two columns: the interval start and the contacts.</source>
      <translation>{file} 需要两列：时段开始时间和来话量。</translation>
    </message>
    <message>
      <source>{file} has more than {limit:,} intervals.</source>
      <translation>{file} 的时段超过 {limit:,} 个。</translation>
    </message>
    <message>
      <source>{unit} {line} of {file}: “{value}” is not an interval start such as 08:00 or 2026-12-07 08:00.</source>
      <translation>{file} 第 {line} {unit}：“{value}”不是时段开始时间，例如 08:00 或 2026-12-07 08:00。</translation>
    </message>
    <message>
      <source>{unit} {line} of {file}: “{value}” is not a number of contacts.</source>
      <translation>{file} 第 {line} {unit}：“{value}”不是来话量数字。</translation>
    </message>
    <message>
      <source>{file} is not a GraphML file: it holds no &lt;graphml&gt; element in the GraphML namespace.</source>
      <translation>{file} 不是 GraphML 文件：其中没有 GraphML 命名空间中的 &lt;graphml&gt; 元素。</translation>
    </message>
    <message>
      <source>{file} holds no graph.</source>
      <translation>{file} 中没有图。</translation>
    </message>
    <message>
      <source>{file} holds {count} graphs; orgdesk imports a file with one.</source>
      <translation>{file} 含有 {count} 个图；orgdesk 只能导入含一个图的文件。</translation>
    </message>
    <message>
      <source>{file} holds hyperedges, which orgdesk cannot import.</source>
      <translation>{file} 含有超边，orgdesk 无法导入。</translation>
    </message>
    <message>
      <source>{file} declares the data “{name}” with the unknown type “{kind}”.</source>
      <translation>{file} 为数据“{name}”声明了未知类型“{kind}”。</translation>
    </message>
    <message>
      <source>{file} has a node without an id.</source>
      <translation>{file} 中有一个节点没有 id。</translation>
    </message>
    <message>
      <source>{file} has two nodes with the id “{id}”.</source>
      <translation>{file} 中有两个节点的 id 都是“{id}”。</translation>
    </message>
    <message>
      <source>{file}: {where} uses the data key “{key}”, which the file never declares.</source>
      <translation>{file}：{where} 使用了文件中未声明的数据键“{key}”。</translation>
    </message>
    <message>
      <source>{file}: {where} holds a number of {digits} digits in “{name}”; orgdesk reads whole numbers of up to {limit} digits.</source>
      <translation>{file}：{where} 的“{name}”是一个 {digits} 位的数字；orgdesk 最多读取 {limit} 位的整数。</translation>
    </message>
    <message>
      <source>{file}: the node “{id}” contains a graph of its own; orgdesk imports flat graphs (yEd groups are fine).</source>
      <translation>{file}：节点“{id}”内含一个子图；orgdesk 只导入平面图（yEd 分组除外）。</translation>
    </message>
    <message>
      <source>{file}: {where} holds “{value}” in “{name}”, which is declared a whole number.</source>
      <translation>{file}：{where} 的“{name}”声明为整数，但其值为“{value}”。</translation>
    </message>
    <message>
      <source>{file}: {where} holds “{value}” in “{name}”, which is declared true or false.</source>
      <translation>{file}：{where} 的“{name}”声明为真或假，但其值为“{value}”。</translation>
    </message>
    <message>
      <source>{file}: {where} holds “{value}” in “{name}”, which is declared a number.</source>
      <translation>{file}：{where} 的“{name}”声明为数字，但其值为“{value}”。</translation>
    </message>
    <message>
      <source>A GraphML file of {count} positions is more than orgdesk imports ({limit}); export CSV or JSON instead.</source>
      <translation>含 {count} 个岗位的 GraphML 文件超过 orgdesk 能导入的数量（{limit}）；请改为导出 CSV 或 JSON。</translation>
    </message>
    <message>
      <source>{file} has {nodes} nodes; orgdesk reads at most {limit}.</source>
      <translation>{file} 有 {nodes} 个节点；orgdesk 最多读取 {limit} 个。</translation>
    </message>
    <message>
      <source>{file} is larger than the {limit} MB orgdesk reads.</source>
      <translation>{file} 超过了 orgdesk 可读取的 {limit} MB。</translation>
    </message>
    <message>
      <source>{file} declares a DTD or entities, which orgdesk refuses to read.</source>
      <translation>{file} 声明了 DTD 或实体，orgdesk 拒绝读取。</translation>
    </message>
    <message>
      <source>{file} line {line}: not well-formed XML.</source>
      <translation>{file} 第 {line} 行：XML 格式不正确。</translation>
    </message>
    <message>
      <source>{file} is not well-formed XML.</source>
      <translation>{file} 不是格式正确的 XML。</translation>
    </message>
    <message>
      <source>An edge names the node “{id}”, which is not in the file.</source>
      <translation>有一条连线指向节点“{id}”，但文件中没有该节点。</translation>
    </message>
    <message>
      <source>it has {count} superiors ({names}); a position reports to one.</source>
      <translation>它有 {count} 个上级（{names}）；一个职位只能向一个上级汇报。</translation>
    </message>
    <message>
      <source>The graph's department table is unreadable ({reason}).</source>
      <translation>图中的部门表无法读取（{reason}）。</translation>
    </message>
    <message>
      <source>The edges have no direction: the chart was read from {root} down, the centre of the tree; name another root with --root-id.</source>
      <translation>连线没有方向：组织图从树的中心 {root} 向下读取；可用 --root-id 指定其他根。</translation>
    </message>
    <message>
      <source>The edges have no direction: each of the {count} separate parts was read from its root down ({names}).</source>
      <translation>连线没有方向：{count} 个互不相连的部分各自从其根向下读取（{names}）。</translation>
    </message>
    <message>
      <source>The edges have no direction: the chart was read from {root} down, the root named by --root-id.</source>
      <translation>连线没有方向：组织图从 {root} 向下读取，该根由 --root-id 指定。</translation>
    </message>
    <message>
      <source>The edges have no direction: the chart was read from {root} down, the root named by --root-title.</source>
      <translation>连线没有方向：组织图从 {root} 向下读取，该根由 --root-title 指定。</translation>
    </message>
    <message>
      <source>The edges have no direction: the chart was read from {root} down, the only node without a superior in its data.</source>
      <translation>连线没有方向：组织图从 {root} 向下读取，它是数据中唯一没有上级的节点。</translation>
    </message>
    <message>
      <source>No node has the id “{id}” given as the root; the ids are like {examples}.</source>
      <translation>没有节点的编号是作为根指定的“{id}”；编号形如 {examples}。</translation>
    </message>
    <message>
      <source>The edges were read as pointing from each report to its superior (--edges up): every node has at most one outgoing edge.</source>
      <translation>连线按从下属指向上级读取（--edges up）：每个节点最多只有一条出边。</translation>
    </message>
    <message>
      <source>The edges were read as pointing from each report to its superior (--edges up).</source>
      <translation>连线按从下属指向上级读取（--edges up）。</translation>
    </message>
    <message>
      <source>The edges were read as pointing from each superior to its reports (--edges down).</source>
      <translation>连线按从上级指向下属读取（--edges down）。</translation>
    </message>
    <message>
      <source>the undirected links between {names} form a cycle ({ring}); an undirected file must be a tree: remove one of these links, or give the edges a direction.</source>
      <translation>{names} 之间的无向连线构成环（{ring}）；无向文件必须是一棵树：请删除其中一条连线，或为连线指定方向。</translation>
    </message>
    <message>
      <source>{count} more undirected links close cycles.</source>
      <translation>另有 {count} 条无向连线构成环。</translation>
    </message>
    <message>
      <source>{count} nodes are titled “{title}” ({names}); name the root by its id with --root-id.</source>
      <translation>有 {count} 个节点的职位名称为“{title}”（{names}）；请用 --root-id 按编号指定根。</translation>
    </message>
    <message>
      <source>it has {count} superiors ({names}); a position reports to one (if the edges point from report to superior, use --edges up).</source>
      <translation>它有 {count} 个上级（{names}）；一个岗位只能向一个上级汇报（如果连线是从下属指向上级，请使用 --edges up）。</translation>
    </message>
    <message>
      <source>the path “{path}” in column “{column}” is also the path of {place}.</source>
      <translation>“{column}”列中的路径“{path}”也是{place}的路径。</translation>
    </message>
    <message>
      <source>the path “{path}” in column “{column}” places it under “{parent}”, but no row has that path; add that row or correct the path.</source>
      <translation>“{column}”列中的路径“{path}”把它放在“{parent}”之下，但没有哪一行的路径是它；请补上那一行或更正路径。</translation>
    </message>
    <message>
      <source>{file} is not a table; it needs no column mapping.</source>
      <translation>{file} 不是表格，无需列映射。</translation>
    </message>
    <message>
      <source>orgdesk cannot import {file}; it reads {known} files.</source>
      <translation>orgdesk 无法导入 {file}；它可读取 {known} 文件。</translation>
    </message>
    <message>
      <source>{file} does not exist.</source>
      <translation>{file} 不存在。</translation>
    </message>
    <message>
      <source>Cannot create {file}: orgdesk writes documents only under names that are valid Unicode; choose another name.</source>
      <translation>无法创建 {file}：orgdesk 只能以有效的 Unicode 名称保存文档；请换一个名称。</translation>
    </message>
    <message>
      <source>orgdesk cannot export {file}; it writes {known} files.</source>
      <translation>orgdesk 无法导出 {file}；它可写出 {known} 文件。</translation>
    </message>
    <message>
      <source>{file} is orgdesk's own JSON, read exactly as it was exported; a column mapping (--map) applies to other programs' files only.</source>
      <translation>{file} 是 orgdesk 自己的 JSON，按导出时的内容原样读取；列映射（--map）只适用于其他程序的文件。</translation>
    </message>
    <message>
      <source>Nothing was imported: {file} holds text that is not valid Unicode.</source>
      <translation>未导入任何内容：{file} 含有无效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>{file} would be {size} MB, more than orgdesk imports from this format ({limit} MB); export CSV or Excel instead.</source>
      <translation>{file} 将有 {size} MB，超过 orgdesk 能从此格式导入的大小（{limit} MB）；请改为导出 CSV 或 Excel。</translation>
    </message>
    <message>
      <source>No key holds the nodes' titles and they have no labels; map a key to the field “title” (its keys are: {names}).</source>
      <translation>没有数据键保存节点的职位名称，节点也没有标签；请将一个数据键映射到字段“title”（文件中的数据键有：{names}）。</translation>
    </message>
    <message>
      <source>No key holds the positions' titles; map one to the field “title” (its keys are: {names}).</source>
      <translation>没有保存职位名称的键；请将一个键映射到字段“title”（现有的键：{names}）。</translation>
    </message>
    <message>
      <source>No column holds the positions' titles; map one to the field “title” (its columns are: {names}).</source>
      <translation>没有列保存岗位的职位名称；请将一列映射到字段“title”（文件中的列有：{names}）。</translation>
    </message>
    <message>
      <source>“{key}” must be a whole number from 0 to {limit}, not {value}.</source>
      <translation>“{key}”必须是 0 到 {limit} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
      <source>“{key}” must be text, not {value}.</source>
      <translation>“{key}”必须是文本，而不是 {value}。</translation>
    </message>
    <message>
      <source>“{key}” must be a list of texts.</source>
      <translation>“{key}”必须是文本列表。</translation>
    </message>
    <message>
      <source>{what} must be an object.</source>
      <translation>{what}必须是对象。</translation>
    </message>
    <message>
      <source>{what} names “{key}” twice.</source>
      <translation>{what}中“{key}”出现了两次。</translation>
    </message>
    <message>
      <source>{file} line {line} holds a text longer than {limit} million characters, more than orgdesk reads; shorten that text or remove it.</source>
      <translation>{file} 第 {line} 行的文本超过 {limit} 百万个字符，超出 orgdesk 可读取的长度；请缩短或删除该文本。</translation>
    </message>
    <message>
      <source>{file} is not an orgdesk JSON file.</source>
      <translation>{file} 不是 orgdesk JSON 文件。</translation>
    </message>
    <message>
      <source>{file} names “{key}” twice at its top level, so it is unclear which one counts.</source>
      <translation>{file} 在顶层两次给出“{key}”，无法确定以哪一个为准。</translation>
    </message>
    <message>
      <source>{file} has no valid format version.</source>
      <translation>{file} 没有有效的格式版本。</translation>
    </message>
    <message>
      <source>{file} was written by a newer orgdesk (format version {version}); update orgdesk to read it.</source>
      <translation>{file} 由更新版本的 orgdesk 写入（格式版本 {version}）；请更新 orgdesk 后再读取。</translation>
    </message>
    <message>
      <source>“kind” must be {names}, not {value}.</source>
      <translation>“kind”必须是 {names}，而不是 {value}。</translation>
    </message>
    <message>
      <source>{file}: “{key}” must be a list.</source>
      <translation>{file}：“{key}”必须是列表。</translation>
    </message>
    <message>
      <source>department {department_id} does not exist.</source>
      <translation>部门 {department_id} 不存在。</translation>
    </message>
    <message>
      <source>“kpis” must be a list.</source>
      <translation>“kpis”必须是列表。</translation>
    </message>
    <message>
      <source>“kind” must be line or staff, not {kind}.</source>
      <translation>“kind”必须是 line 或 staff，而不是 {kind}。</translation>
    </message>
    <message>
      <source>“{key}” holds text that is not valid Unicode (a lone surrogate).</source>
      <translation>“{key}”含有无效的 Unicode 文本（孤立的代理字符）。</translation>
    </message>
    <message>
      <source>{file} line {line} is not UTF-8 text; orgdesk JSON files are UTF-8.</source>
      <translation>{file} 第 {line} 行不是 UTF-8 文本；orgdesk 的 JSON 文件使用 UTF-8 编码。</translation>
    </message>
    <message>
      <source>{file} line {line}: not valid JSON ({reason}).</source>
      <translation>{file} 第 {line} 行：不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
      <source>{file} is nested too deeply to be read (hundreds of levels); write a deep hierarchy as a flat list of entries with id and parent keys instead.</source>
      <translation>{file} 嵌套层级过深（数百层），无法读取；请改为扁平的条目列表，用 id 和上级键表示层级。</translation>
    </message>
    <message>
      <source>The document settings name “{key}” twice.</source>
      <translation>文档设置中“{key}”出现了两次。</translation>
    </message>
    <message>
      <source>a department</source>
      <translation>部门条目</translation>
    </message>
    <message>
      <source>a relation</source>
      <translation>关系条目</translation>
    </message>
    <message>
      <source>The document information is unreadable: {reason}.</source>
      <translation>无法读取文档信息：{reason}。</translation>
    </message>
    <message>
      <source>a position</source>
      <translation>职位条目</translation>
    </message>
    <message>
      <source>Read as {shape}: “{key}” names each entry and “{superior}” its superior (--map KEY=id or KEY=superior chooses others).</source>
      <translation>按{shape}读取：“{key}”标识每个条目，“{superior}”给出其上级（可用 --map 键=id 或 键=superior 改选）。</translation>
    </message>
    <message>
      <source>a number or true/false value</source>
      <translation>数字或真/假值</translation>
    </message>
    <message>
      <source>Read as {shape}: no key names the entries' superiors; --map KEY=superior names one.</source>
      <translation>按{shape}读取：没有键给出条目的上级；可用 --map 键=superior 指定。</translation>
    </message>
    <message>
      <source>an array</source>
      <translation>数组</translation>
    </message>
    <message>
      <source>a text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>null</source>
      <translation>null（空值）</translation>
    </message>
    <message>
      <source>{file} holds no positions ({shape} without entries).</source>
      <translation>{file} 中没有职位（{shape}中没有条目）。</translation>
    </message>
    <message>
      <source>“{key}” holds {count} characters, more than the {limit} orgdesk reads; shorten it.</source>
      <translation>“{key}”含 {count} 个字符，超过 orgdesk 可读取的 {limit} 个；请缩短。</translation>
    </message>
    <message>
      <source>it names “{key}” twice, so it is unclear which one counts; remove one of them.</source>
      <translation>它两次给出“{key}”，无法确定以哪个为准；请删除其中一个。</translation>
    </message>
    <message>
      <source>it is {what}, not an object holding a position's keys.</source>
      <translation>它是{what}，而不是包含职位各键的对象。</translation>
    </message>
    <message>
      <source>it is not a row of cells [id, parent, tooltip].</source>
      <translation>它不是 [id, 上级, 提示] 形式的单元格行。</translation>
    </message>
    <message>
      <source>it names “{end}”, which is not the id of any node; correct the edge or add that node.</source>
      <translation>它指向“{end}”，但没有任何节点的 id 是它；请更正该连线或添加该节点。</translation>
    </message>
    <message>
      <source>the edge list gives it two superiors, “{first}” and “{second}”; keep one reporting line.</source>
      <translation>连线列表给了它两个上级：“{first}”和“{second}”；请只保留一条汇报线。</translation>
    </message>
    <message>
      <source>its “children” name “{child}”, which is not the id of any entry.</source>
      <translation>它的“children”列出了“{child}”，但没有任何条目的 id 是它。</translation>
    </message>
    <message>
      <source>it is listed in the “children” of both “{first}” and “{second}”; keep it under one.</source>
      <translation>它同时列在“{first}”和“{second}”的“children”中；请只保留在其中一个之下。</translation>
    </message>
    <message>
      <source>an object</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>texts</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>{file} holds {what}, not an organisation chart; orgdesk reads an array of objects (one per position), a tree of objects with “children”, or an object holding such a list.</source>
      <translation>{file} 中是{what}，不是组织架构图；orgdesk 读取对象数组（每个职位一个）、带“children”的对象树，或包含此类列表的对象。</translation>
    </message>
    <message>
      <source>a true/false value</source>
      <translation>真/假值</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>true/false values or nulls</source>
      <translation>真/假值或空值</translation>
    </message>
    <message>
      <source>numbers</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>a flat list</source>
      <translation>扁平列表</translation>
    </message>
    <message>
      <source>a nested tree</source>
      <translation>嵌套树</translation>
    </message>
    <message>
      <source>a GoJS model</source>
      <translation>GoJS 模型</translation>
    </message>
    <message>
      <source>a Google Charts DataTable</source>
      <translation>Google Charts DataTable</translation>
    </message>
    <message>
      <source>a yFiles graph</source>
      <translation>yFiles 图</translation>
    </message>
    <message>
      <source>a list of nodes</source>
      <translation>节点列表</translation>
    </message>
    <message>
      <source>Google Charts rows</source>
      <translation>Google Charts 行数据</translation>
    </message>
    <message>
      <source>{file} is an array of {what}, not of positions; orgdesk reads an array of objects, one per position, with keys such as “id”, “parentId” and “name”.</source>
      <translation>{file} 是由{what}组成的数组，而不是职位；orgdesk 读取对象数组，每个职位一个对象，含“id”“parentId”“name”等键。</translation>
    </message>
    <message>
      <source>{file} names “{key}” twice in its top object, so it is unclear which one counts; remove one of them.</source>
      <translation>{file} 的顶层对象两次给出“{key}”，无法确定以哪个为准；请删除其中一个。</translation>
    </message>
    <message>
      <source>{file} is a JSON object without a list of positions (its keys are {keys}); orgdesk reads an array of objects with id and parent keys, a tree with “children”, or an object holding such a list under “nodes”.</source>
      <translation>{file} 是不含职位列表的 JSON 对象（其键为 {keys}）；orgdesk 读取带 id 和上级键的对象数组、带“children”的树，或在“nodes”下包含此类列表的对象。</translation>
    </message>
    <message>
      <source>it does not name both of its ends (“{first}” and “{second}”).</source>
      <translation>它没有同时给出两端（“{first}”和“{second}”）。</translation>
    </message>
    <message>
      <source>it has no list of cells “c”.</source>
      <translation>它没有单元格列表“c”。</translation>
    </message>
    <message>
      <source>“{value}” is not an amount of pay</source>
      <translation>“{value}”不是薪酬金额</translation>
    </message>
    <message>
      <source>“{value}” is not a percentage</source>
      <translation>“{value}”不是百分比</translation>
    </message>
    <message>
      <source>“{value}” is not an amount of pay such as 4500, 4,500元 or 1.2万</source>
      <translation>“{value}”不是 4500、4,500元 或 1.2万 这样的薪酬金额</translation>
    </message>
    <message>
      <source>“{value}” is not a pay range such as 4500-6000</source>
      <translation>“{value}”不是 4500-6000 这样的薪酬范围</translation>
    </message>
    <message>
      <source>“{value}” is not a percentage such as 35%</source>
      <translation>“{value}”不是 35% 这样的百分比</translation>
    </message>
    <message>
      <source>There is no export layout called “{layout}”; the layouts are: {known}.</source>
      <translation>没有名为“{layout}”的导出布局；可用的布局有：{known}。</translation>
    </message>
    <message>
      <source>The {peer} layout is written as {formats} only, not as {suffix}; choose a file name ending in {formats}.</source>
      <translation>{peer} 布局只能导出为 {formats}，不能导出为 {suffix}；请选择以 {formats} 结尾的文件名。</translation>
    </message>
    <message>
      <source>A text of {length} characters would be one CSV cell, more than orgdesk reads back ({limit}); shorten it.</source>
      <translation>一段 {length} 个字符的文本将成为一个 CSV 单元格，超过 orgdesk 能读回的长度（{limit}）；请缩短。</translation>
    </message>
    <message>
      <source>rows {rows}</source>
      <translation>第 {rows} 行</translation>
    </message>
    <message>
      <source>{rows} and {count} more</source>
      <translation>{rows} 等（另有 {count} 个）</translation>
    </message>
    <message>
      <source>row {rows}</source>
      <translation>第 {rows} 行</translation>
    </message>
    <message>
      <source>lines {rows}</source>
      <translation>第 {rows} 行</translation>
    </message>
    <message>
      <source>nodes {rows}</source>
      <translation>第 {rows} 个节点</translation>
    </message>
    <message>
      <source>position entries {rows}</source>
      <translation>第 {rows} 个职位条目</translation>
    </message>
    <message>
      <source>entries {rows}</source>
      <translation>第 {rows} 个条目</translation>
    </message>
    <message>
      <source>edges {rows}</source>
      <translation>第 {rows} 条连线</translation>
    </message>
    <message>
      <source>line {rows}</source>
      <translation>第 {rows} 行</translation>
    </message>
    <message>
      <source>node {rows}</source>
      <translation>第 {rows} 个节点</translation>
    </message>
    <message>
      <source>position entry {rows}</source>
      <translation>第 {rows} 个职位条目</translation>
    </message>
    <message>
      <source>entry {rows}</source>
      <translation>第 {rows} 个条目</translation>
    </message>
    <message>
      <source>edge {rows}</source>
      <translation>第 {rows} 条连线</translation>
    </message>
    <message>
      <source>Nothing was imported: {file} has 1 problem.</source>
      <translation>未导入任何内容：{file} 有 1 个问题。</translation>
    </message>
    <message>
      <source>Nothing was imported: {file} has {count} problems.</source>
      <translation>未导入任何内容：{file} 有 {count} 个问题。</translation>
    </message>
    <message>
      <source>The import was cancelled; nothing was written.</source>
      <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
      <source>{file} has no key “{column}”; its keys are: {names}.</source>
      <translation>{file} 没有键“{column}”；它的键有：{names}。</translation>
    </message>
    <message>
      <source>{file} has no column “{column}”; its columns are: {names}.</source>
      <translation>{file} 没有“{column}”列；它的列为：{names}。</translation>
    </message>
    <message>
      <source>it has {cells} cells but the header row names only {columns} columns (the first extra cell holds “{extra}”); put quotes round a cell that holds the delimiter, or add a header for the extra column.</source>
      <translation>该行有 {cells} 个单元格，但标题行只有 {columns} 列（第一个多出的单元格为“{extra}”）；请给含有分隔符的单元格加上引号，或为多出的列添加标题。</translation>
    </message>
    <message>
      <source>it has {cells} cells but the header row names only {columns} columns (the first extra cell holds “{extra}”); add a header for the extra column, or delete its cells.</source>
      <translation>该行有 {cells} 个单元格，但标题行只有 {columns} 列（第一个多出的单元格为“{extra}”）；请为多出的列添加标题，或删除这些单元格。</translation>
    </message>
    <message>
      <source>{reason} Correct the values in the columns {columns}.</source>
      <translation>{reason}请更正 {columns} 列中的值。</translation>
    </message>
    <message>
      <source>“{header}”: {reason}; correct the value, or keep the column in the notes (--map "{header}=notes") or leave it out (--map "{header}=ignore").</source>
      <translation>“{header}”：{reason}；请更正该值，或将此列保留在备注中（--map "{header}=notes"），或不导入此列（--map "{header}=ignore"）。</translation>
    </message>
    <message>
      <source>“{header}”: {reason} Correct the value, or keep the column in the notes (--map "{header}=notes") or leave it out (--map "{header}=ignore").</source>
      <translation>“{header}”：{reason}请更正该值，或将此列保留在备注中（--map "{header}=notes"），或不导入此列（--map "{header}=ignore"）。</translation>
    </message>
    <message>
      <source>“{text}” is not one of {names}</source>
      <translation>“{text}”不是 {names} 之一</translation>
    </message>
    <message>
      <source>The column “{column}” holds SQL Server hierarchyid values in their binary form (0x…); export the column as text ({column}.ToString()) and import that file.</source>
      <translation>“{column}”列中是二进制形式（0x…）的 SQL Server hierarchyid 值；请把该列导出为文本（{column}.ToString()）后再导入那个文件。</translation>
    </message>
    <message>
      <source>{file} line {line} is not {encoding} text, although the file starts as {encoding}; it may be damaged.</source>
      <translation>{file} 第 {line} 行不是 {encoding} 文本，而文件开头是 {encoding}；文件可能已损坏。</translation>
    </message>
    <message>
      <source>{file} is not a text table: it holds binary data.</source>
      <translation>{file} 不是文本表格：其中含有二进制数据。</translation>
    </message>
    <message>
      <source>{file} mixes text encodings: lines {others} are not UTF-8 but lines {utf8} are; save it in one encoding, or choose the encoding to read it with.</source>
      <translation>{file} 混用了多种文本编码：第 {others} 行不是 UTF-8，而第 {utf8} 行是 UTF-8；请将文件保存为同一种编码，或选择读取时使用的编码。</translation>
    </message>
    <message>
      <source>{file} is neither UTF-8 nor GB18030 text (lines {lines}); choose its encoding.</source>
      <translation>{file} 既不是 UTF-8 也不是 GB18030 文本（第 {lines} 行）；请选择其编码。</translation>
    </message>
    <message>
      <source>orgdesk cannot read Excel files safely: defusedxml is missing.</source>
      <translation>orgdesk 无法安全读取 Excel 文件：缺少 defusedxml。</translation>
    </message>
    <message>
      <source>{file} is a damaged workbook and cannot be read.</source>
      <translation>{file} 是已损坏的工作簿，无法读取。</translation>
    </message>
    <message>
      <source>{file} is an old-style .xls workbook; save it as .xlsx in Excel or LibreOffice first.</source>
      <translation>{file} 是旧式 .xls 工作簿；请先在 Excel 或 LibreOffice 中另存为 .xlsx。</translation>
    </message>
    <message>
      <source>{file} is not an Excel workbook (.xlsx).</source>
      <translation>{file} 不是 Excel 工作簿 (.xlsx)。</translation>
    </message>
    <message>
      <source>{file} unpacks to more than orgdesk reads (a zip bomb?); it was not opened.</source>
      <translation>{file} 解压后超过了 orgdesk 可读取的大小（可能是压缩炸弹）；未打开。</translation>
    </message>
    <message>
      <source>{file} is a damaged workbook: the sheet “{sheet}” is missing from it.</source>
      <translation>{file} 是已损坏的工作簿：其中缺少工作表“{sheet}”。</translation>
    </message>
    <message>
      <source>{file}, sheet “{name}”, is damaged and cannot be read.</source>
      <translation>{file} 的工作表“{name}”已损坏，无法读取。</translation>
    </message>
    <message>
      <source>{file} has no sheet “{sheet}”; its sheets are: {names}.</source>
      <translation>{file} 没有工作表“{sheet}”；它的工作表为：{names}。</translation>
    </message>
    <message>
      <source>A text of {count} characters is longer than an Excel cell holds ({limit}); shorten it.</source>
      <translation>一段 {count} 个字符的文本超过了 Excel 单元格的容量（{limit}）；请缩短。</translation>
    </message>
    <message>
      <source>This workbook would unpack to {size} MB, more than orgdesk imports from Excel ({limit} MB); export CSV or JSON instead.</source>
      <translation>此工作簿解压后将有 {size} MB，超过 orgdesk 能从 Excel 导入的大小（{limit} MB）；请改为导出 CSV 或 JSON。</translation>
    </message>
    <message>
      <source>The sheet “{sheet}” of {file} is empty.</source>
      <translation>{file} 的工作表“{sheet}”是空的。</translation>
    </message>
    <message>
      <source>{file} contains XML entity declarations, which orgdesk refuses to read.</source>
      <translation>{file} 含有 XML 实体声明，orgdesk 拒绝读取。</translation>
    </message>
    <message>
      <source>{file}, sheet “{name}”, cell {cell}: longer than {limit} characters.</source>
      <translation>{file} 工作表“{name}”单元格 {cell}：超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>The position library's format must be “{format}”.</source>
      <translation>职位库的格式必须是“{format}”。</translation>
    </message>
    <message>
      <source>The chart drawing could not be read back; nothing was written.</source>
      <translation>无法读回组织图图形；未写入任何内容。</translation>
    </message>
    <message>
      <source>The chart could not be encoded as PNG; nothing was written.</source>
      <translation>无法将组织图编码为 PNG；未写入任何内容。</translation>
    </message>
    <message>
      <source>At {dpi} dpi this chart would be {width} × {height} pixels, too large for one image; choose at most {limit} dpi, or export SVG or PDF.</source>
      <translation>在 {dpi} dpi 下，此组织结构图将为 {width} × {height} 像素，单张图片放不下；请选择最多 {limit} dpi，或导出 SVG 或 PDF。</translation>
    </message>
    <message>
      <source>“{title}” has {filled} seats filled but only {planned} planned.</source>
      <translation>“{title}”在岗 {filled} 人，但定员只有 {planned} 人（超编）。</translation>
    </message>
    <message>
      <source>“{title}” has no planned seats.</source>
      <translation>“{title}”没有定员。</translation>
    </message>
    <message>
      <source>The dotted line from “{title}” repeats its solid reporting line.</source>
      <translation>“{title}”的虚线汇报关系与其直接汇报关系重复。</translation>
    </message>
    <message>
      <source>There is no sample organisation called “{name}”; choose one of: {known}.</source>
      <translation>没有名为“{name}”的示例组织；请从以下选择：{known}。</translation>
    </message>
    <message>
      <source>{where}: unknown requirement fields {names}.</source>
      <translation>{where}：未知的任职要求字段 {names}。</translation>
    </message>
    <message>
      <source>{name}: format must be “{format}”.</source>
      <translation>{name}：格式必须是“{format}”。</translation>
    </message>
    <message>
      <source>{where}: {reason}</source>
      <translation>{where}：{reason}</translation>
    </message>
    <message>
      <source>{name}: position key “{key}” appears twice.</source>
      <translation>{name}：职位键“{key}”出现了两次。</translation>
    </message>
    <message>
      <source>{where}: unknown fields {names}.</source>
      <translation>{where}：未知字段 {names}。</translation>
    </message>
    <message>
      <source>{where}: unknown department “{department}”.</source>
      <translation>{where}：未知部门“{department}”。</translation>
    </message>
    <message>
      <source>The clipboard holds no positions.</source>
      <translation>剪贴板中没有职位。</translation>
    </message>
    <message>
      <source>The clipboard does not hold orgdesk positions.</source>
      <translation>剪贴板中没有 orgdesk 职位。</translation>
    </message>
    <message>
      <source>The copied positions do not form one branch.</source>
      <translation>复制的职位不构成一个分支。</translation>
    </message>
    <message>
      <source>A scenario needs a name.</source>
      <translation>方案需要一个名称。</translation>
    </message>
    <message>
      <source>A scenario name can be at most {limit} characters long.</source>
      <translation>方案名称最多 {limit} 个字符。</translation>
    </message>
    <message>
      <source>A scenario name cannot hold control characters.</source>
      <translation>方案名称不能包含控制字符。</translation>
    </message>
    <message>
      <source>There is already a scenario named “{name}”.</source>
      <translation>已有名为“{name}”的方案。</translation>
    </message>
    <message>
      <source>That scenario no longer exists.</source>
      <translation>该方案已不存在。</translation>
    </message>
    <message>
      <source>“{name}” is the document's only scenario and cannot be deleted.</source>
      <translation>“{name}”是文档中唯一的方案，不能删除。</translation>
    </message>
    <message>
      <source>{file} was changed outside orgdesk or is damaged: its contents no longer match the checksum orgdesk saved with it (if you edited it on purpose, delete the row “checksum” from its meta table).</source>
      <translation>{file} 已在 orgdesk 之外被修改或已损坏：其内容与 orgdesk 保存时记录的校验和不一致（如果是有意编辑的，请删除其 meta 表中的“checksum”行）。</translation>
    </message>
    <message>
      <source>This document has no file name yet; use Save As.</source>
      <translation>此文档还没有文件名；请使用“另存为”。</translation>
    </message>
    <message>
      <source>The new document's reporting lines are inconsistent.</source>
      <translation>新文档的汇报关系不一致。</translation>
    </message>
    <message>
      <source>{file} was changed by another program since orgdesk opened or last saved it; saving would overwrite those changes.</source>
      <translation>{file} 在 orgdesk 打开或上次保存之后已被其他程序修改；现在保存会覆盖这些修改。</translation>
    </message>
    <message>
      <source>The edit was not kept: the disk holding orgdesk's working copies is full.</source>
      <translation>修改未能保存：存放 orgdesk 工作副本的磁盘已满。</translation>
    </message>
    <message>
      <source>The edit was not kept: the disk holding orgdesk's working copies cannot be written.</source>
      <translation>修改未能保存：无法写入存放 orgdesk 工作副本的磁盘。</translation>
    </message>
    <message>
      <source>Cannot save {file}: the disk holding orgdesk's working copies is full; the previous file is unchanged.</source>
      <translation>无法保存 {file}：存放 orgdesk 工作副本的磁盘已满；原文件没有改动。</translation>
    </message>
    <message>
      <source>Cannot create the document: the disk holding orgdesk's working copies is full.</source>
      <translation>无法创建文档：存放 orgdesk 工作副本的磁盘已满。</translation>
    </message>
    <message>
      <source>{file} has unsaved changes from an earlier session that did not close.</source>
      <translation>{file} 有上次未正常关闭时留下的未保存修改。</translation>
    </message>
    <message>
      <source>{file} is damaged and cannot be read.</source>
      <translation>{file} 已损坏，无法读取。</translation>
    </message>
    <message>
      <source>{file} is not a valid orgdesk file: its contents are damaged.</source>
      <translation>{file} 不是有效的 orgdesk 文件：其内容已损坏。</translation>
    </message>
    <message>
      <source>{file} is not a valid orgdesk file: it holds an id that is not a positive whole number.</source>
      <translation>{file} 不是有效的 orgdesk 文件：其中有不是正整数的编号。</translation>
    </message>
    <message>
      <source>{file} is too large to read in the memory available.</source>
      <translation>{file} 太大，可用内存不足以读取。</translation>
    </message>
    <message>
      <source>There is no room to open {file}: the disk holding orgdesk's working copies is full; {file} itself is intact.</source>
      <translation>没有空间打开 {file}：存放 orgdesk 工作副本的磁盘已满；{file} 本身完好无损。</translation>
    </message>
    <message>
      <source>{file} could not be opened because orgdesk's working copy could not be written ({reason}); {file} itself is intact.</source>
      <translation>无法打开 {file}，因为无法写入 orgdesk 的工作副本（{reason}）；{file} 本身完好无损。</translation>
    </message>
    <message>
      <source>{file} is already open in another orgdesk (another window, another user or another computer).</source>
      <translation>{file} 已在另一个 orgdesk 中打开（另一个窗口、另一个用户或另一台电脑）。</translation>
    </message>
    <message>
      <source>{file} is on a drive that cannot be locked: orgdesk cannot stop another program or user from editing it at the same time.</source>
      <translation>{file} 所在的驱动器不支持加锁：orgdesk 无法阻止其他程序或用户同时编辑它。</translation>
    </message>
    <message>
      <source>{file} was saved by a newer version of orgdesk (file format {version}, this version reads up to {supported}); please update orgdesk to open it.</source>
      <translation>{file} 由更新版本的 orgdesk 保存（文件格式 {version}，本版本最高支持 {supported}），请升级 orgdesk 后再打开。</translation>
    </message>
    <message>
      <source>{file} uses file format {version}, which this version of orgdesk can no longer upgrade.</source>
      <translation>{file} 使用文件格式 {version}，本版本 orgdesk 已无法升级该格式。</translation>
    </message>
    <message>
      <source>{file} is not a valid orgdesk file: its tables are not the ones orgdesk writes.</source>
      <translation>{file} 不是有效的 orgdesk 文件：其中的表不是 orgdesk 写入的表。</translation>
    </message>
    <message>
      <source>{file} could not be upgraded: {problem}.</source>
      <translation>无法升级 {file}：{problem}。</translation>
    </message>
    <message>
      <source>{file} could not be upgraded to file format {version}: {reason}.</source>
      <translation>无法将 {file} 升级到文件格式 {version}：{reason}。</translation>
    </message>
    <message>
      <source>Cannot save {file}: {reason}; the previous file is unchanged.</source>
      <translation>无法保存 {file}：{reason}；原文件未改动。</translation>
    </message>
    <message>
      <source>Cannot save {file}: the folder “{folder}” does not exist.</source>
      <translation>无法保存 {file}：文件夹“{folder}”不存在。</translation>
    </message>
    <message>
      <source>Cannot save {file}: a folder has that name.</source>
      <translation>无法保存 {file}：已有同名文件夹。</translation>
    </message>
    <message>
      <source>{file} is read-only; save it under another name.</source>
      <translation>{file} 是只读文件，请另存为其他名称。</translation>
    </message>
    <message>
      <source>Cannot save {file}: the folder is read-only.</source>
      <translation>无法保存 {file}：文件夹为只读。</translation>
    </message>
    <message>
      <source>Cannot save {file}: the disk is full; the previous file is unchanged.</source>
      <translation>无法保存 {file}：磁盘已满；原文件未被改动。</translation>
    </message>
    <message>
      <source>Cannot save {file}: permission denied.</source>
      <translation>无法保存 {file}：没有写入权限。</translation>
    </message>
    <message>
      <source>Cannot save {file}: its symbolic links point at each other in a loop.</source>
      <translation>无法保存 {file}：它的符号链接互相指向，形成了循环。</translation>
    </message>
    <message>
      <source>{file} is not a valid orgdesk file: its document setting “{setting}” is invalid.</source>
      <translation>{file} 不是有效的 orgdesk 文件：其文档设置“{setting}”无效。</translation>
    </message>
    <message>
      <source>The unsaved changes to an untitled document could not be recovered because orgdesk's working copy of them is damaged; it was kept in {folder}.</source>
      <translation>无法恢复对一个未命名文档的未保存修改，因为 orgdesk 保存这些修改的工作副本已损坏；它已保留在 {folder}。</translation>
    </message>
    <message>
      <source>The unsaved changes to {file} could not be recovered because orgdesk's working copy of them is damaged; it was kept in {folder}.</source>
      <translation>无法恢复对 {file} 的未保存修改，因为 orgdesk 保存这些修改的工作副本已损坏；它已保留在 {folder}。</translation>
    </message>
    <message>
      <source>The unsaved changes to {file} cannot be read right now (another program may be using them, or the disk holding them is failing); they are kept and will be offered again at the next start.</source>
      <translation>暂时无法读取 {file} 的未保存更改（可能有其他程序正在使用它们，或存放它们的磁盘出现故障）；这些更改已保留，下次启动时会再次提供恢复。</translation>
    </message>
    <message>
      <source>{file} is damaged: its list of scenarios does not say which one is open.</source>
      <translation>{file} 已损坏：其方案列表没有标明当前打开的是哪一个。</translation>
    </message>
    <message>
      <source>{file} is damaged: one of its scenarios cannot be read.</source>
      <translation>{file} 已损坏：其中一个方案无法读取。</translation>
    </message>
    <message>
      <source>The document has no scenario named “{name}”; it has {names}.</source>
      <translation>文档中没有名为“{name}”的方案；现有方案：{names}。</translation>
    </message>
    <message>
      <source>{file} is damaged: one of its scenarios has a name orgdesk cannot show.</source>
      <translation>{file} 已损坏：其中一个方案的名称 orgdesk 无法显示。</translation>
    </message>
    <message>
      <source>{file} is damaged: a scenario's setting “{setting}” is invalid.</source>
      <translation>{file} 已损坏：某个方案的设置“{setting}”无效。</translation>
    </message>
    <message>
      <source>The scenario “{name}” cannot be read.</source>
      <translation>方案“{name}”无法读取。</translation>
    </message>
    <message>
      <source>Cannot open {file}: the disk holding orgdesk's working copies is full; {file} itself is unchanged.</source>
      <translation>无法打开 {file}：存放 orgdesk 工作副本的磁盘已满；{file} 本身没有改动。</translation>
    </message>
    <message>
      <source>Cannot open {file}: the disk holding orgdesk's working copies cannot be written; {file} itself is unchanged.</source>
      <translation>无法打开 {file}：无法写入存放 orgdesk 工作副本的磁盘；{file} 本身没有改动。</translation>
    </message>
    <message>
      <source>{file} is already open in another orgdesk window (process {owner}).</source>
      <translation>{file} 已在另一个 orgdesk 窗口中打开（进程 {owner}）。</translation>
    </message>
    <message>
      <source>{file} is too large for orgdesk (the limit is {limit} MB).</source>
      <translation>{file} 太大，orgdesk 无法打开（上限为 {limit} MB）。</translation>
    </message>
    <message>
      <source>{file} is a folder, not an orgdesk file.</source>
      <translation>{file} 是文件夹，不是 orgdesk 文件。</translation>
    </message>
    <message>
      <source>{file} is not a regular file.</source>
      <translation>{file} 不是普通文件。</translation>
    </message>
    <message>
      <source>{file} is empty (0 bytes); it holds no organisation.</source>
      <translation>{file} 是空文件（0 字节），不含任何组织。</translation>
    </message>
    <message>
      <source>{file} is not an orgdesk file.</source>
      <translation>{file} 不是 orgdesk 文件。</translation>
    </message>
    <message>
      <source>{file} is truncated: it is too short to be an orgdesk file.</source>
      <translation>{file} 不完整：文件过短，不是有效的 orgdesk 文件。</translation>
    </message>
    <message>
      <source>{file} is a database of another program, not an orgdesk file.</source>
      <translation>{file} 是其他程序的数据库，不是 orgdesk 文件。</translation>
    </message>
    <message>
      <source>{file} is damaged: its header is invalid.</source>
      <translation>{file} 已损坏：文件头无效。</translation>
    </message>
    <message>
      <source>{file} is truncated: part of the file is missing.</source>
      <translation>{file} 不完整：文件缺失了一部分。</translation>
    </message>
    <message>
      <source>No team library is named; give its address with --url or in the environment variable {variable}.</source>
      <translation>未指定团队库；请用 --url 或环境变量 {variable} 给出其地址。</translation>
    </message>
    <message>
      <source>The team library lives on PostgreSQL; its address starts with postgresql://, not {scheme}://.</source>
      <translation>团队库使用 PostgreSQL；其地址以 postgresql:// 开头，而不是 {scheme}://。</translation>
    </message>
    <message>
      <source>The team library's address names no database; write it as postgresql://USER@HOST/DATABASE.</source>
      <translation>团队库地址未指定数据库；请写成 postgresql://用户@主机/数据库。</translation>
    </message>
    <message>
      <source>The team library's address is not a database URL; write it as postgresql://USER@HOST/DATABASE.</source>
      <translation>团队库地址不是数据库 URL；请写成 postgresql://用户@主机/数据库。</translation>
    </message>
    <message>
      <source>This computer has no keyring to save the password in; use ~/.pgpass or the environment variable PGPASSWORD instead.</source>
      <translation>此计算机没有可保存密码的密钥环；请改用 ~/.pgpass 或环境变量 PGPASSWORD。</translation>
    </message>
    <message>
      <source>The library at {server} refused this operation to your role; ask the library's administrator for access (orgdesk library grant).</source>
      <translation>{server} 上的团队库拒绝了您的角色执行此操作；请向团队库管理员申请权限（orgdesk library grant）。</translation>
    </message>
    <message>
      <source>The connection to the library at {server} was lost; nothing was changed there, so try again.</source>
      <translation>与 {server} 上团队库的连接已断开；服务器上没有任何改动，请重试。</translation>
    </message>
    <message>
      <source>The server at {server} has no database named “{database}”.</source>
      <translation>{server} 上的服务器没有名为“{database}”的数据库。</translation>
    </message>
    <message>
      <source>The server at {server} could not prove it is the library's server (its TLS certificate does not match the address or is not signed by sslrootcert); nothing was sent to it.</source>
      <translation>{server} 上的服务器无法证明自己是团队库服务器（其 TLS 证书与地址不符或不是由 sslrootcert 签发）；未向其发送任何内容。</translation>
    </message>
    <message>
      <source>The library at {server} did not accept your user name or password; check ~/.pgpass, PGPASSWORD or the password saved with orgdesk library login.</source>
      <translation>{server} 上的团队库不接受您的用户名或密码；请检查 ~/.pgpass、PGPASSWORD 或用 orgdesk library login 保存的密码。</translation>
    </message>
    <message>
      <source>No library server answers at {server}; check the address and that the server is running, or keep working offline.</source>
      <translation>{server} 没有团队库服务器响应；请检查地址以及服务器是否在运行，或继续离线工作。</translation>
    </message>
    <message>
      <source>Version {version} in the library has a list of scenarios orgdesk cannot read.</source>
      <translation>团队库中的版本 {version} 的方案列表无法被 orgdesk 读取。</translation>
    </message>
    <message>
      <source>Version {version} in the library cannot be read: {reason}</source>
      <translation>团队库中的版本 {version} 无法读取：{reason}</translation>
    </message>
    <message>
      <source>Version {version} in the library is not readable JSON.</source>
      <translation>团队库中的版本 {version} 不是可读的 JSON。</translation>
    </message>
    <message>
      <source>The project “{project}” already has versions (the latest is {head} by {author}); pull it and publish from there, or publish with --merge or --branch.</source>
      <translation>项目“{project}”已有版本（最新为 {author} 发布的 {head}）；请先拉取再发布，或使用 --merge 或 --branch 发布。</translation>
    </message>
    <message>
      <source>{author} published version {head} of “{project}” after your base version {base}; publish with --merge to merge both, or --branch to publish yours as a branch.</source>
      <translation>在您的基准版本 {base} 之后，{author} 发布了“{project}”的版本 {head}；请用 --merge 合并双方，或用 --branch 将您的版本作为分支发布。</translation>
    </message>
    <message>
      <source>The {what} must not be empty.</source>
      <translation>{what}不能为空。</translation>
    </message>
    <message>
      <source>The {what} is longer than {limit} characters.</source>
      <translation>{what}超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>The {what} holds a NUL character.</source>
      <translation>{what}含有 NUL 字符。</translation>
    </message>
    <message>
      <source>The library has no project “{project}”, or you may not read it.</source>
      <translation>团队库中没有项目“{project}”，或您无权读取。</translation>
    </message>
    <message>
      <source>The project “{project}” has no version or branch “{which}”.</source>
      <translation>项目“{project}”没有版本或分支“{which}”。</translation>
    </message>
    <message>
      <source>The library has no version {version}.</source>
      <translation>团队库中没有版本 {version}。</translation>
    </message>
    <message>
      <source>The document is based on version {version}, which the project “{project}” does not have.</source>
      <translation>文档基于版本 {version}，但项目“{project}”中没有该版本。</translation>
    </message>
    <message>
      <source>The {what} is not valid Unicode text.</source>
      <translation>{what}不是有效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>The project “{project}” has no versions yet.</source>
      <translation>项目“{project}”还没有版本。</translation>
    </message>
    <message>
      <source>You may read the project “{project}” but not publish to it; ask the library's administrator to make you an editor (orgdesk library grant … --editor).</source>
      <translation>您可以读取项目“{project}”，但不能向其发布；请让团队库管理员将您设为编辑者（orgdesk library grant … --editor）。</translation>
    </message>
    <message>
      <source>The project “{project}” already has a branch “{branch}”; choose another name.</source>
      <translation>项目“{project}”已有分支“{branch}”；请另选名称。</translation>
    </message>
    <message>
      <source>Nothing changed since version {version}; nothing was published.</source>
      <translation>自版本 {version} 以来没有改动；未发布任何内容。</translation>
    </message>
    <message>
      <source>The server has no role “{role}”; create it first (CREATE ROLE … LOGIN).</source>
      <translation>服务器上没有角色“{role}”；请先创建（CREATE ROLE … LOGIN）。</translation>
    </message>
    <message>
      <source>The library has no project “{project}”, or you may not read it; its administrator creates projects and grants access.</source>
      <translation>团队库中没有项目“{project}”，或您无权读取；项目由团队库管理员创建并授权。</translation>
    </message>
    <message>
      <source>Merging with version {head} of “{project}” found {count} conflicts; decide each one (--prefer mine or --prefer theirs) or publish as a branch.</source>
      <translation>与“{project}”的版本 {head} 合并时发现 {count} 处冲突；请逐一决定（--prefer mine 或 --prefer theirs），或作为分支发布。</translation>
    </message>
    <message>
      <source>Scenario “{scenario}”: {conflict}</source>
      <translation>方案“{scenario}”：{conflict}</translation>
    </message>
    <message>
      <source>The {kind} {name} was deleted by {who} and changed by the other.</source>
      <translation>{kind} {name} 被 {who} 删除，而另一方修改了它。</translation>
    </message>
    <message>
      <source>The position “{title}” reports to a position the other side deleted.</source>
      <translation>岗位“{title}”的直接上级已被另一方删除。</translation>
    </message>
    <message>
      <source>The position “{title}” belongs to a department the other side deleted.</source>
      <translation>岗位“{title}”所属的部门已被另一方删除。</translation>
    </message>
    <message>
      <source>The two sides' moves put {titles} under each other.</source>
      <translation>双方的移动使 {titles} 互为上下级。</translation>
    </message>
    <message>
      <source>Both sides changed the {kind} {name} differently: {fields}.</source>
      <translation>双方对{kind} {name} 做了不同的修改：{fields}。</translation>
    </message>
    <message>
      <source>Both sides changed the {kind} “{name}” differently.</source>
      <translation>双方对{kind}“{name}”做了不同的修改。</translation>
    </message>
    <message>
      <source>Both sides added a scenario of this name with different contents.</source>
      <translation>双方都添加了同名方案，但内容不同。</translation>
    </message>
    <message>
      <source>The scenario was deleted by {who} and changed by the other.</source>
      <translation>该方案被 {who} 删除，而另一方修改了它。</translation>
    </message>
    <message>
      <source>The team library at {server} has an older schema; upgrade it with orgdesk library upgrade (its data is kept).</source>
      <translation>{server} 上的团队库结构较旧；请用 orgdesk library upgrade 升级（数据会保留）。</translation>
    </message>
    <message>
      <source>The database at {server} holds no team library yet; create one with orgdesk library init.</source>
      <translation>{server} 上的数据库还没有团队库；请用 orgdesk library init 创建。</translation>
    </message>
    <message>
      <source>The team library at {server} was upgraded by a newer orgdesk; update orgdesk to use it.</source>
      <translation>{server} 上的团队库已由更新版本的 orgdesk 升级；请更新 orgdesk 后再使用。</translation>
    </message>
    <message>
      <source>The database at {server} already holds a team library; use orgdesk library upgrade to bring it up to date.</source>
      <translation>{server} 上的数据库已有团队库；请用 orgdesk library upgrade 将其更新。</translation>
    </message>
    <message>
      <source>Something went wrong inside orgdesk ({error}); the details are in {log}.</source>
      <translation>orgdesk 内部出错（{error}）；详情见 {log}。</translation>
    </message>
    <message>
      <source>Something went wrong inside orgdesk ({error}).</source>
      <translation>orgdesk 内部出错（{error}）。</translation>
    </message>
    <message>
      <source>Import a forecast file first.</source>
      <translation>请先导入预测文件。</translation>
    </message>
  </context>
  <context>
    <name>fonts</name>
    <message>
      <source>install the “Noto Sans CJK SC” font</source>
      <translation>安装“Noto Sans CJK SC”字体</translation>
    </message>
    <message>
      <source>install the Chinese (Simplified) language features of Windows</source>
      <translation>安装 Windows 的简体中文语言功能</translation>
    </message>
    <message>
      <source>No font that can show Chinese text is installed, so Chinese titles will show as boxes; to fix it: {fix}.</source>
      <translation>未安装能显示中文的字体，中文职位名称将显示为方框。解决方法：{fix}。</translation>
    </message>
    <message>
      <source>install an emoji font such as “Noto Color Emoji”</source>
      <translation>安装彩色表情字体（例如“Noto Color Emoji”）</translation>
    </message>
    <message>
      <source>No font that can show emoji is installed, so emoji in titles will show as boxes; to fix it: {fix}.</source>
      <translation>未安装可显示表情符号的字体，职位名称中的表情符号将显示为方框；解决方法：{fix}。</translation>
    </message>
  </context>
</TS>
