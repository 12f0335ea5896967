"""The schema of every released file format, frozen as the SQL SQLite stored.

A file of an older format is checked against, and copied into, exactly the
schema its format had, before the upgrade steps of `migrations` bring it to
the current one; the current format's entry must equal what the ORM creates
(a test compares them), so changing a table without a new format number and
an upgrade step fails the tests rather than making old files unreadable.
"""
from __future__ import annotations

#: RELEASED[n]: the CREATE statements of file format n, in the order the ORM
#: ran them, exactly as they appear in `sqlite_schema.sql`.
RELEASED: dict[int, tuple[str, ...]] = {1: (
    ('CREATE TABLE meta (\n'
     '\t"key" VARCHAR NOT NULL, \n'
     '\tvalue TEXT NOT NULL, \n'
     '\tPRIMARY KEY ("key")\n'
     ')'),
    ('CREATE TABLE departments (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tname TEXT NOT NULL, \n'
     '\tcolour VARCHAR(7) NOT NULL, \n'
     '\tsort_order INTEGER NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tUNIQUE (name)\n'
     ')'),
    ('CREATE TABLE positions (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tsuperior_id INTEGER, \n'
     '\tsort_order INTEGER NOT NULL, \n'
     '\ttitle TEXT NOT NULL, \n'
     '\tdepartment_id INTEGER, \n'
     '\tkind VARCHAR(8) NOT NULL, \n'
     '\tlevel TEXT NOT NULL, \n'
     '\tplanned_headcount INTEGER NOT NULL, \n'
     '\theadcount_note TEXT NOT NULL, \n'
     '\tfilled_headcount INTEGER NOT NULL, \n'
     '\teducation TEXT NOT NULL, \n'
     '\tmin_years INTEGER, \n'
     '\tage_min INTEGER, \n'
     '\tage_max INTEGER, \n'
     '\tother_requirements TEXT NOT NULL, \n'
     '\tcareer_path TEXT NOT NULL, \n'
     '\tnotes TEXT NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tCONSTRAINT planned_non_negative CHECK (planned_headcount >= 0), \n'
     '\tCONSTRAINT filled_non_negative CHECK (filled_headcount >= 0), \n'
     "\tCONSTRAINT kind_known CHECK (kind IN ('line', 'staff')), \n"
     '\tCONSTRAINT not_own_superior CHECK (superior_id IS NULL OR superior_id <> id), \n'
     '\tFOREIGN KEY(superior_id) REFERENCES positions (id) ON DELETE RESTRICT, \n'
     '\tFOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE SET NULL\n'
     ')'),
    ('CREATE INDEX ix_positions_superior_id ON positions (superior_id)'),
    ('CREATE INDEX ix_positions_department_id ON positions (department_id)'),
    ('CREATE TABLE duties (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
    ('CREATE TABLE languages (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
    ('CREATE TABLE skills (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
    ('CREATE TABLE kpis (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\tname TEXT NOT NULL, \n'
     '\ttarget TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
    ('CREATE TABLE relations (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tsource_id INTEGER NOT NULL, \n'
     '\ttarget_id INTEGER NOT NULL, \n'
     '\tkind VARCHAR(16) NOT NULL, \n'
     '\tlabel TEXT NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     "\tCONSTRAINT relation_kind CHECK (kind IN ('dotted', 'advisory')), \n"
     '\tFOREIGN KEY(source_id) REFERENCES positions (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(target_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
)}

#: Format 2 (issue 11): positions.source_id (the key in the source a position was
#: imported from) and the holders table (the names of the people in its seats);
#: the list tables are WITHOUT ROWID (one B-tree by (position_id, seq), not a rowid
#: table plus its key's index: a third smaller, and faster to write and read).
RELEASED[2] = (
    ('CREATE TABLE meta (\n'
     '\t"key" VARCHAR NOT NULL, \n'
     '\tvalue TEXT NOT NULL, \n'
     '\tPRIMARY KEY ("key")\n'
     ')'),
    ('CREATE TABLE departments (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tname TEXT NOT NULL, \n'
     '\tcolour VARCHAR(7) NOT NULL, \n'
     '\tsort_order INTEGER NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tUNIQUE (name)\n'
     ')'),
    ('CREATE TABLE positions (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tsuperior_id INTEGER, \n'
     '\tsort_order INTEGER NOT NULL, \n'
     '\ttitle TEXT NOT NULL, \n'
     '\tsource_id TEXT NOT NULL, \n'
     '\tdepartment_id INTEGER, \n'
     '\tkind VARCHAR(8) NOT NULL, \n'
     '\tlevel TEXT NOT NULL, \n'
     '\tplanned_headcount INTEGER NOT NULL, \n'
     '\theadcount_note TEXT NOT NULL, \n'
     '\tfilled_headcount INTEGER NOT NULL, \n'
     '\teducation TEXT NOT NULL, \n'
     '\tmin_years INTEGER, \n'
     '\tage_min INTEGER, \n'
     '\tage_max INTEGER, \n'
     '\tother_requirements TEXT NOT NULL, \n'
     '\tcareer_path TEXT NOT NULL, \n'
     '\tnotes TEXT NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tCONSTRAINT planned_non_negative CHECK (planned_headcount >= 0), \n'
     '\tCONSTRAINT filled_non_negative CHECK (filled_headcount >= 0), \n'
     "\tCONSTRAINT kind_known CHECK (kind IN ('line', 'staff')), \n"
     '\tCONSTRAINT not_own_superior CHECK (superior_id IS NULL OR superior_id <> id), \n'
     '\tFOREIGN KEY(superior_id) REFERENCES positions (id) ON DELETE RESTRICT, \n'
     '\tFOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE SET NULL\n'
     ')'),
    ('CREATE INDEX ix_positions_department_id ON positions (department_id)'),
    ('CREATE INDEX ix_positions_superior_id ON positions (superior_id)'),
    ('CREATE TABLE duties (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')\n WITHOUT ROWID\n\n'),
    ('CREATE TABLE languages (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')\n WITHOUT ROWID\n\n'),
    ('CREATE TABLE skills (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')\n WITHOUT ROWID\n\n'),
    ('CREATE TABLE kpis (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\tname TEXT NOT NULL, \n'
     '\ttarget TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')\n WITHOUT ROWID\n\n'),
    ('CREATE TABLE holders (\n'
     '\tposition_id INTEGER NOT NULL, \n'
     '\tseq INTEGER NOT NULL, \n'
     '\ttext TEXT NOT NULL, \n'
     '\tPRIMARY KEY (position_id, seq), \n'
     '\tFOREIGN KEY(position_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')\n WITHOUT ROWID\n\n'),
    ('CREATE TABLE relations (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tsource_id INTEGER NOT NULL, \n'
     '\ttarget_id INTEGER NOT NULL, \n'
     '\tkind VARCHAR(16) NOT NULL, \n'
     '\tlabel TEXT NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     "\tCONSTRAINT relation_kind CHECK (kind IN ('dotted', 'advisory')), \n"
     '\tFOREIGN KEY(source_id) REFERENCES positions (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(target_id) REFERENCES positions (id) ON DELETE CASCADE\n'
     ')'),
)

#: Format 3 (issue 14, cost): positions.pay_min, pay_max and on_cost_percent (a seat's
#: monthly pay range and the employer's on-cost, 0 when not set) and their CHECK; every
#: other statement is format 2's, unchanged.
_POSITIONS_3 = (
    'CREATE TABLE positions (\n'
    '\tid INTEGER NOT NULL, \n'
    '\tsuperior_id INTEGER, \n'
    '\tsort_order INTEGER NOT NULL, \n'
    '\ttitle TEXT NOT NULL, \n'
    '\tsource_id TEXT NOT NULL, \n'
    '\tdepartment_id INTEGER, \n'
    '\tkind VARCHAR(8) NOT NULL, \n'
    '\tlevel TEXT NOT NULL, \n'
    '\tplanned_headcount INTEGER NOT NULL, \n'
    '\theadcount_note TEXT NOT NULL, \n'
    '\tfilled_headcount INTEGER NOT NULL, \n'
    '\teducation TEXT NOT NULL, \n'
    '\tmin_years INTEGER, \n'
    '\tage_min INTEGER, \n'
    '\tage_max INTEGER, \n'
    '\tother_requirements TEXT NOT NULL, \n'
    '\tcareer_path TEXT NOT NULL, \n'
    '\tnotes TEXT NOT NULL, \n'
    '\tpay_min INTEGER NOT NULL, \n'
    '\tpay_max INTEGER NOT NULL, \n'
    '\ton_cost_percent INTEGER NOT NULL, \n'
    '\tPRIMARY KEY (id), \n'
    '\tCONSTRAINT planned_non_negative CHECK (planned_headcount >= 0), \n'
    '\tCONSTRAINT filled_non_negative CHECK (filled_headcount >= 0), \n'
    '\tCONSTRAINT pay_non_negative CHECK (pay_min >= 0 AND pay_max >= 0 AND on_cost_percent >= 0'
    '), \n'
    "\tCONSTRAINT kind_known CHECK (kind IN ('line', 'staff')), \n"
    '\tCONSTRAINT not_own_superior CHECK (superior_id IS NULL OR superior_id <> id), \n'
    '\tFOREIGN KEY(superior_id) REFERENCES positions (id) ON DELETE RESTRICT, \n'
    '\tFOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE SET NULL\n'
    ')')
RELEASED[3] = tuple(_POSITIONS_3 if statement.startswith("CREATE TABLE positions ")
                    else statement for statement in RELEASED[2])


#: Format 4 (issue 14): the scenarios table; every other table as in format 3.
RELEASED[4] = (*RELEASED[3],
               ('CREATE TABLE scenarios (\n'
                '\tid INTEGER NOT NULL, \n'
                '\tname TEXT NOT NULL, \n'
                '\tordinal INTEGER NOT NULL, \n'
                '\tsnapshot TEXT, \n'
                '\tPRIMARY KEY (id), \n'
                '\tUNIQUE (name)\n'
                ')'))
