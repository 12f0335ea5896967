<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AnalysisPanel</name>
    <message>
      <source>Positions</source>
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
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Direct reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All under it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned under</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filled under</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vacant under</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Departments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Levels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Span of control</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rules</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Call-center defaults</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team leader “%1” leads %2 agent seats; the rule is %3–%4.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manager “%1” has %2 direct-report seats; the rule is at most %3.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 QA inspector seats for %2 agent seats (“%3”); one per %4–%5 agents means %6.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 trainer seats for %2 agent seats (“%3”); one per %4–%5 agents means %6.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no department)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Click to go to the position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No span-of-control violations.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Headcount by department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Headcount by level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>filled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 positions, %2 planned seats, %3 filled, %4 vacant; %5 violation(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Span of control (%1)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChartPane</name>
    <message>
      <source>Arrange the reports of %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChartView</name>
    <message>
      <source>{filled}/{planned} filled</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare With</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compare %1 → %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Removed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Renamed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All changes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Highlight all in the document</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Headcount by department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two versions are the same.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 change(s); planned seats %2 → %3 (%4).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The files do not share position ids (an import?): positions were matched on title and superior.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No changes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no department)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DeliverablesPane</name>
    <message>
      <source>Analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit span-of-control rules</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DepartmentsDialog</name>
    <message>
      <source>Departments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Colour…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move down</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New department %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add department %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rename department %1 → %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recolour department %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reorder departments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete department %1</source>
      <translation type="unfinished" />
    </message>
  </context>
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
    <name>ExportChartDialog</name>
    <message>
      <source>Laying out the chart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Painting pages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Painting the image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The export failed unexpectedly (%1).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export Chart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compact (as on screen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Graphviz dot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Top to bottom</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Left to right</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Landscape</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Scale to one page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Whole organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All levels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Layout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Orientation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resolution (dpi)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paper</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Branch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Levels below it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No preview for charts of more than %n positions.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drawing with %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HandbookDialog</name>
    <message>
      <source>The handbook failed unexpectedly (%1).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export Handbook</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF (to print or send)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Word document (the client can edit it)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Web page (one file)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The whole organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1%2 and everything under it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cover, contents, org chart, headcount summary and one job description per position.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Positions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Writing %1…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wrote %1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled; no file was written.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Detect (UTF-8, else GB18030)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Western (Windows-1252)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Node</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tables and charts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The file could not be read (%1).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a CSV, Excel, GraphML or JSON file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report it as a problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep them side by side</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Put them under a new position:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title of the new top position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Encoding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Several top positions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Column</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Example</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Columns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Position</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seats</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Where</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(keep in notes)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(ignore)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking “%1”…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check stopped; change a choice to check again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading… %1 rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking %1 rows…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check stopped.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems (1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems (%1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 problem(s) must be fixed in the file or by the choices above before anything is imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ready to import %1 positions.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kept in the notes: %1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>… and %1 more positions</source>
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
      <source>De&amp;partments…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>P&amp;roperties…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Export Chart…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export &amp;Handbook…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Co&amp;mpare With…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Fit Chart to Window</source>
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
      <source>Chart &amp;Direction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Top-down</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Left to right</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change chart direction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chart De&amp;tail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Titles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Titles, department, headcount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also the first duties</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change chart detail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Arrange Reports of the Selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Automatic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Side by side</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stacked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Two columns</source>
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
      <source>Add dotted line…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dotted lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no department)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add dotted line %1 → %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove dotted line</source>
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
    <name>PropertiesDialog</name>
    <message>
      <source>Document properties</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Client</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Author</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last saved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit document properties</source>
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
    <name>RulesEditor</name>
    <message>
      <source>Rules</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team leader: agent seats</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One QA inspector per agent seats</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One trainer per agent seats</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manager: at most direct-report seats</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How titles are recognised (separate words with 、 or ,)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Agents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team leaders</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>QA inspectors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Trainers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Managers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>but not titles containing…</source>
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
    <message>
      <source>Department colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add dotted line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dotted line (functional reporting)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Advisory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>fonts</name>
    <message>
      <source>install the “Noto Sans CJK SC” font</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>install the Chinese (Simplified) language features of Windows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No font that can show Chinese text is installed, so Chinese titles will show as boxes; to fix it: %1.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
