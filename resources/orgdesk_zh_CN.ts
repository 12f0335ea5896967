<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>DutiesPanel</name>
    <message>
      <source>Double-click to edit; paste several lines to add several duties.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit duties of %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>KpiPanel</name>
    <message>
      <source>KPI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add KPI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit KPIs of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New KPI</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LibraryDialog</name>
    <message>
      <source>Insert from the position library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search titles and duties</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ListEditor</name>
    <message>
      <source>Add an item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the selected item (Del)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move up (Alt+Up)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move down (Alt+Down)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New item</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Overview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Duties</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requirements</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Direct reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KPIs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;New</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add &amp;Direct Report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add &amp;Sibling</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>De&amp;lete…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move &amp;Up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move Do&amp;wn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Insert from &amp;Library…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Expand All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Collapse All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>New from &amp;Sample</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expand to &amp;Level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;About orgdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Main</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Find positions, duties, requirements…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add report to %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add sibling of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the top level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete %1 and its reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete %1, keep its reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reorder %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move %1 under %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move only %1 under %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copied %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cut %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The clipboard holds no orgdesk positions.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Duplicate %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Insert %1 from the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no match</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Untitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Org charts and job descriptions for call-center organisations.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OrgTreeModel</name>
    <message>
      <source>(%1 vacant)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>staff / assistant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vacant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Position</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OrgdeskApp</name>
    <message>
      <source>an untitled document</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>orgdesk did not close properly; unsaved changes to “%1” from %2 can be recovered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>System default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The language changes the next time orgdesk starts.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OverviewPanel</name>
    <message>
      <source>Line position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staff / assistant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit level of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change planned headcount of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change filled headcount of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. 视项目情况配备</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit headcount note of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit career path of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation>职位名称</translation>
    </message>
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Direct superior</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level / grade</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned headcount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filled headcount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vacancies</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Headcount note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Career path</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no department)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change department of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change kind of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit notes of %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rename %1 → %2</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReportsPanel</name>
    <message>
      <source>Position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seats in team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add direct report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 direct reports · %2 positions below · %3 seats planned, %4 filled, %5 vacant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reorder %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequirementsPanel</name>
    <message>
      <source>(not stated)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Education</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Years of experience (min.)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Age (from – to)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Languages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skills and qualities</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit requirements of %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Recover these changes? (No discards them.)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the changes to “%1” before closing?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“%1” has %2 direct reports.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete with all its reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete only this position (reports move to %1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save organisation as</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
