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
      <source>Chart</source>
      <translation>图表</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>规则</translation>
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
      <source>Team leader “%1” leads %2 agent seats; the rule is %3–%4.</source>
      <translation>组长“%1”带 %2 名座席员；规则为 %3–%4 名。</translation>
    </message>
    <message>
      <source>Manager “%1” has %2 direct-report seats; the rule is at most %3.</source>
      <translation>经理“%1”的直接下属定员为 %2 人；规则为最多 %3 人。</translation>
    </message>
    <message>
      <source>%1 QA inspector seats for %2 agent seats (“%3”); one per %4–%5 agents means %6.</source>
      <translation>“%3”有质检员 %1 名、座席员 %2 名；按每 %4–%5 名座席员配 1 名质检员，应为 %6 名。</translation>
    </message>
    <message>
      <source>%1 trainer seats for %2 agent seats (“%3”); one per %4–%5 agents means %6.</source>
      <translation>“%3”有培训师 %1 名、座席员 %2 名；按每 %4–%5 名座席员配 1 名培训师，应为 %6 名。</translation>
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
      <source>Level %1</source>
      <translation>第 %1 层</translation>
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
      <source>%1 positions, %2 planned seats, %3 filled, %4 vacant; %5 violation(s)</source>
      <translation>共 %1 个职位，定员 %2 人，在岗 %3 人，空缺 %4 人；违反规则 %5 处</translation>
    </message>
    <message>
      <source>Span of control (%1)</source>
      <translation>管理幅度（%1）</translation>
    </message>
  </context>
  <context>
    <name>ChartPane</name>
    <message>
      <source>Arrange the reports of %1</source>
      <translation>排列“%1”的下属</translation>
    </message>
  </context>
  <context>
    <name>ChartView</name>
    <message>
      <source>{filled}/{planned} filled</source>
      <translation>在岗 {filled}/{planned}</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare With</source>
      <translation>与其他版本比较</translation>
    </message>
    <message>
      <source>Compare %1 → %2</source>
      <translation>比较 %1 → %2</translation>
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
      <source>%1 change(s); planned seats %2 → %3 (%4).</source>
      <translation>共 %1 处变化；定员 %2 → %3（%4）。</translation>
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
      <source>Export data</source>
      <translation>导出数据</translation>
    </message>
    <message>
      <source>Exported %1</source>
      <translation>已导出 %1</translation>
    </message>
    <message>
      <source>Exporting %1…</source>
      <translation>正在导出 %1…</translation>
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
      <source>New department</source>
      <translation>新部门</translation>
    </message>
    <message>
      <source>New department %1</source>
      <translation>新部门 %1</translation>
    </message>
    <message>
      <source>Add department %1</source>
      <translation>添加部门“%1”</translation>
    </message>
    <message>
      <source>Rename department %1 → %2</source>
      <translation>将部门“%1”重命名为“%2”</translation>
    </message>
    <message>
      <source>Recolour department %1</source>
      <translation>更改部门“%1”的颜色</translation>
    </message>
    <message>
      <source>Reorder departments</source>
      <translation>调整部门顺序</translation>
    </message>
    <message>
      <source>Delete department %1</source>
      <translation>删除部门“%1”</translation>
    </message>
  </context>
  <context>
    <name>DutiesPanel</name>
    <message>
      <source>Double-click to edit; paste several lines to add several duties.</source>
      <translation>双击可编辑；粘贴多行文本可一次添加多条职责。</translation>
    </message>
    <message>
      <source>Edit duties of %1</source>
      <translation>编辑“%1”的岗位职责</translation>
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
      <source>Done</source>
      <translation>完成</translation>
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
      <source>Landscape</source>
      <translation>横向</translation>
    </message>
    <message>
      <source>Scale to one page</source>
      <translation>缩放到一页</translation>
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
      <source>Branch</source>
      <translation>分支</translation>
    </message>
    <message>
      <source>Levels below it</source>
      <translation>向下显示层数</translation>
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
      <source>Drawing with %1</source>
      <translation>正在使用 %1 绘制…</translation>
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
      <source>%1%2 and everything under it</source>
      <translation>%1%2 及其全部下属</translation>
    </message>
    <message>
      <source>Cover, contents, org chart, headcount summary and one job description per position.</source>
      <translation>包括封面、目录、组织结构图、定员汇总，以及每个职位的岗位说明。</translation>
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
      <source>Writing %1…</source>
      <translation>正在写入 %1…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Wrote %1.</source>
      <translation>已写入 %1。</translation>
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
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Tables and charts</source>
      <translation>表格和组织结构图</translation>
    </message>
    <message>
      <source>The file could not be read (%1).</source>
      <translation>无法读取该文件（%1）。</translation>
    </message>
    <message>
      <source>Choose a CSV, Excel, GraphML or JSON file</source>
      <translation>请选择 CSV、Excel、GraphML 或 JSON 文件</translation>
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
      <source>Position</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
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
      <source>(keep in notes)</source>
      <translation>（存入备注）</translation>
    </message>
    <message>
      <source>%1 %2</source>
      <translation>%2</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>（忽略）</translation>
    </message>
    <message>
      <source>Checking “%1”…</source>
      <translation>正在检查“%1”…</translation>
    </message>
    <message>
      <source>Check stopped; change a choice to check again.</source>
      <translation>检查已停止；更改任一选项即可重新检查。</translation>
    </message>
    <message>
      <source>Reading… %1 rows</source>
      <translation>正在读取… %1 行</translation>
    </message>
    <message>
      <source>Checking %1 rows…</source>
      <translation>正在检查 %1 行…</translation>
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
      <source>Problems (%1)</source>
      <translation>问题（%1）</translation>
    </message>
    <message>
      <source>%1 problem(s) must be fixed in the file or by the choices above before anything is imported.</source>
      <translation>有 %1 个问题，须在文件中或通过上面的选项解决后才能导入。</translation>
    </message>
    <message>
      <source>Ready to import %1 positions.</source>
      <translation>可以导入 %1 个职位。</translation>
    </message>
    <message>
      <source>Kept in the notes: %1.</source>
      <translation>以下列保存在备注中：%1。</translation>
    </message>
    <message>
      <source>… and %1 more positions</source>
      <translation>… 另有 %1 个职位</translation>
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
    <message>
      <source>Edit KPIs of %1</source>
      <translation>编辑“%1”的 KPI 指标</translation>
    </message>
    <message>
      <source>New KPI</source>
      <translation>新 KPI 指标</translation>
    </message>
  </context>
  <context>
    <name>LibraryDialog</name>
    <message>
      <source>Insert from the position library</source>
      <translation>从职位库插入</translation>
    </message>
    <message>
      <source>Search titles and duties</source>
      <translation>搜索职位名称和职责</translation>
    </message>
  </context>
  <context>
    <name>ListEditor</name>
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
    <message>
      <source>New item</source>
      <translation>新条目</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
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
      <source>D&amp;uplicate</source>
      <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
      <source>Insert from &amp;Library…</source>
      <translation>从职位库插入(&amp;L)…</translation>
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
      <source>De&amp;partments…</source>
      <translation>部门管理(&amp;P)…</translation>
    </message>
    <message>
      <source>P&amp;roperties…</source>
      <translation>文档属性(&amp;R)…</translation>
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
      <source>Co&amp;mpare With…</source>
      <translation>与其他版本比较(&amp;M)…</translation>
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
      <source>New from &amp;Sample</source>
      <translation>从示例新建(&amp;S)</translation>
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
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>Expand to &amp;Level</source>
      <translation>展开到指定层级(&amp;L)</translation>
    </message>
    <message>
      <source>Level %1</source>
      <translation>第 %1 层</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
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
      <source>Add report to %1</source>
      <translation>为“%1”添加直接下属</translation>
    </message>
    <message>
      <source>Add sibling of %1</source>
      <translation>添加“%1”的同级职位</translation>
    </message>
    <message>
      <source>Delete %1</source>
      <translation>删除“%1”</translation>
    </message>
    <message>
      <source>the top level</source>
      <translation>最高层级</translation>
    </message>
    <message>
      <source>Delete %1 and its reports</source>
      <translation>删除“%1”及其下属</translation>
    </message>
    <message>
      <source>Delete %1, keep its reports</source>
      <translation>删除“%1”，保留其下属</translation>
    </message>
    <message>
      <source>Reorder %1</source>
      <translation>调整“%1”的顺序</translation>
    </message>
    <message>
      <source>Move %1 under %2</source>
      <translation>将“%1”移至%2下</translation>
    </message>
    <message>
      <source>Move only %1 under %2</source>
      <translation>仅将“%1”移至%2下（不含下属）</translation>
    </message>
    <message>
      <source>Copied %1</source>
      <translation>已复制“%1”</translation>
    </message>
    <message>
      <source>Cut %1</source>
      <translation>剪切“%1”</translation>
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
      <source>Duplicate %1</source>
      <translation>创建“%1”的副本</translation>
    </message>
    <message>
      <source>Insert %1 from the library</source>
      <translation>从职位库插入“%1”</translation>
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
      <source>&amp;Arrange Reports of the Selection</source>
      <translation>所选职位的下属排列方式(&amp;A)</translation>
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
      <source>Org charts and job descriptions for call-center organisations.</source>
      <translation>面向呼叫中心的组织结构图与岗位说明书编制工具。</translation>
    </message>
  </context>
  <context>
    <name>OrgTreeModel</name>
    <message>
      <source>(%1 vacant)</source>
      <translation>（空缺 %1）</translation>
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
      <source>orgdesk did not close properly; unsaved changes to “%1” from %2 can be recovered.</source>
      <translation>orgdesk 上次未正常关闭；“%1”在 %2 的未保存更改可以恢复。</translation>
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
      <source>The language changes the next time orgdesk starts.</source>
      <translation>界面语言将在下次启动 orgdesk 时更改。</translation>
    </message>
  </context>
  <context>
    <name>OverviewPanel</name>
    <message>
      <source>Line position</source>
      <translation>直线岗位</translation>
    </message>
    <message>
      <source>Staff / assistant</source>
      <translation>参谋/助理岗位</translation>
    </message>
    <message>
      <source>Edit level of %1</source>
      <translation>编辑“%1”的职级</translation>
    </message>
    <message>
      <source>Change planned headcount of %1</source>
      <translation>更改“%1”的职位定员</translation>
    </message>
    <message>
      <source>Change filled headcount of %1</source>
      <translation>更改“%1”的在岗人数</translation>
    </message>
    <message>
      <source>e.g. 视项目情况配备</source>
      <translation>例如：视项目情况配备</translation>
    </message>
    <message>
      <source>Edit headcount note of %1</source>
      <translation>编辑“%1”的定员说明</translation>
    </message>
    <message>
      <source>Edit career path of %1</source>
      <translation>编辑“%1”的发展方向</translation>
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
      <source>Direct superior</source>
      <translation>直接上级</translation>
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
      <source>Vacancies</source>
      <translation>空缺人数</translation>
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
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>Add dotted line %1 → %2</source>
      <translation>添加虚线汇报 %1 → %2</translation>
    </message>
    <message>
      <source>Remove dotted line</source>
      <translation>移除虚线汇报</translation>
    </message>
    <message>
      <source>Change department of %1</source>
      <translation>更改“%1”的所属部门</translation>
    </message>
    <message>
      <source>Change kind of %1</source>
      <translation>更改“%1”的岗位类型</translation>
    </message>
    <message>
      <source>Edit notes of %1</source>
      <translation>编辑“%1”的备注</translation>
    </message>
    <message>
      <source>Rename %1 → %2</source>
      <translation>重命名 %1 → %2</translation>
    </message>
  </context>
  <context>
    <name>PropertiesDialog</name>
    <message>
      <source>Document properties</source>
      <translation>文档属性</translation>
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
      <source>%1 direct reports · %2 positions below · %3 seats planned, %4 filled, %5 vacant</source>
      <translation>直接下属 %1 个 · 下级职位 %2 个 · 定员 %3 人，在岗 %4 人，空缺 %5 人</translation>
    </message>
    <message>
      <source>Reorder %1</source>
      <translation>调整“%1”的顺序</translation>
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
      <source>Edit requirements of %1</source>
      <translation>编辑“%1”的任职要求</translation>
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
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Recover these changes? (No discards them.)</source>
      <translation>是否恢复这些更改？（选择“否”将丢弃这些更改。）</translation>
    </message>
    <message>
      <source>Save the changes to “%1” before closing?</source>
      <translation>关闭前是否保存对“%1”的更改？</translation>
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
      <source>“%1” has %2 direct reports.</source>
      <translation>“%1”有 %2 个直接下属。</translation>
    </message>
    <message>
      <source>Delete with all its reports</source>
      <translation>连同全部下属一起删除</translation>
    </message>
    <message>
      <source>Delete only this position (reports move to %1)</source>
      <translation>仅删除此职位（下属移至%1下）</translation>
    </message>
    <message>
      <source>Open organisation</source>
      <translation>打开组织文件</translation>
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
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>The age range {low}-{high} starts after it ends.</source>
      <translation>年龄范围 {low}-{high} 的起点大于终点。</translation>
    </message>
    <message>
      <source>Colour “{colour}” is not of the form #RRGGBB.</source>
      <translation>颜色“{colour}”不是 #RRGGBB 格式。</translation>
    </message>
    <message>
      <source>“{title}” cannot report to itself.</source>
      <translation>“{title}”不能向自己汇报。</translation>
    </message>
    <message>
      <source>“{title}” cannot report to “{target}”, which is one of its own reports.</source>
      <translation>“{title}”不能向“{target}”汇报，因为后者是它自己的下属。</translation>
    </message>
    <message>
      <source>“{title}” still has direct reports; move or remove them first.</source>
      <translation>“{title}”仍有直接下属，请先移走或删除它们。</translation>
    </message>
    <message>
      <source>There is already a department called “{name}”.</source>
      <translation>已有名为“{name}”的部门。</translation>
    </message>
    <message>
      <source>A document setting needs a short name.</source>
      <translation>文档设置需要一个简短的名称。</translation>
    </message>
    <message>
      <source>The document information holds text that is not valid Unicode.</source>
      <translation>文档信息含有无效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>its “{field}” holds text that is not valid Unicode (half of a character pair).</source>
      <translation>其“{field}”含有无效的 Unicode 文本（半个代理对字符）。</translation>
    </message>
    <message>
      <source>A department name holds text that is not valid Unicode.</source>
      <translation>某个部门名称含有无效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>its label holds text that is not valid Unicode.</source>
      <translation>其说明含有无效的 Unicode 文本。</translation>
    </message>
    <message>
      <source>{what} has {length} characters, more than an Excel cell holds ({limit}); shorten it, or export CSV or JSON, which hold any length.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The name of department {id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The label of dotted line {id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The document's “{field}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The field “{field}” of position {id} (“{title}”)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{file} is not valid GraphML ({reason}).</source>
      <translation>{file} 不是有效的 GraphML（{reason}）。</translation>
    </message>
    <message>
      <source>{file} is not GraphML that orgdesk can read.</source>
      <translation>{file} 不是 orgdesk 能读取的 GraphML。</translation>
    </message>
    <message>
      <source>Cannot create {file}: orgdesk writes documents only under names that are valid Unicode; choose another name.</source>
      <translation>无法创建 {file}：orgdesk 只能以有效的 Unicode 名称保存文档；请换一个名称。</translation>
    </message>
    <message>
      <source>{file} names “{key}” twice at its top level, so it is unclear which one counts.</source>
      <translation>{file} 在顶层两次给出“{key}”，无法确定以哪一个为准。</translation>
    </message>
    <message>
      <source>{file} cannot be read: {reason}.</source>
      <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
      <source>{file} line {line} is not UTF-8 text; orgdesk JSON files are UTF-8.</source>
      <translation>{file} 第 {line} 行不是 UTF-8 文本；orgdesk 的 JSON 文件使用 UTF-8 编码。</translation>
    </message>
    <message>
      <source>The document settings name “{key}” twice.</source>
      <translation>文档设置中“{key}”出现了两次。</translation>
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
      <source>{file} is not a valid orgdesk file: its document setting “{setting}” is invalid.</source>
      <translation>{file} 不是有效的 orgdesk 文件：其文档设置“{setting}”无效。</translation>
    </message>
    <message>
      <source>{file} is too large to read in the memory available.</source>
      <translation>{file} 太大，可用内存不足以读取。</translation>
    </message>
    <message>
      <source>{file} was changed by another program since orgdesk opened or last saved it; saving would overwrite those changes.</source>
      <translation>{file} 在 orgdesk 打开或上次保存之后已被其他程序修改；现在保存会覆盖这些修改。</translation>
    </message>
    <message>
      <source>Cannot save {file}: its symbolic links point at each other in a loop.</source>
      <translation>无法保存 {file}：它的符号链接互相指向，形成了循环。</translation>
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
      <source>Cannot save {file}: the disk holding orgdesk's working copies is full; the previous file is unchanged.</source>
      <translation>无法保存 {file}：存放 orgdesk 工作副本的磁盘已满；原文件没有改动。</translation>
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
      <source>The unsaved changes to an untitled document could not be recovered because orgdesk's working copy of them is damaged; it was kept in {folder}.</source>
      <translation>无法恢复对一个未命名文档的未保存修改，因为 orgdesk 保存这些修改的工作副本已损坏；它已保留在 {folder}。</translation>
    </message>
    <message>
      <source>The unsaved changes to {file} could not be recovered because orgdesk's working copy of them is damaged; it was kept in {folder}.</source>
      <translation>无法恢复对 {file} 的未保存修改，因为 orgdesk 保存这些修改的工作副本已损坏；它已保留在 {folder}。</translation>
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
      <source>{file} does not exist.</source>
      <translation>{file} 不存在。</translation>
    </message>
    <message>
      <source>Something went wrong inside orgdesk ({error}); the details are in {log}.</source>
      <translation>orgdesk 内部出错（{error}）；详情见 {log}。</translation>
    </message>
    <message>
      <source>Something went wrong inside orgdesk ({error}).</source>
      <translation>orgdesk 内部出错（{error}）。</translation>
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
      <source>No font that can show Chinese text is installed, so Chinese titles will show as boxes; to fix it: %1.</source>
      <translation>未安装能显示中文的字体，中文职位名称将显示为方框。解决方法：%1。</translation>
    </message>
  </context>
</TS>
