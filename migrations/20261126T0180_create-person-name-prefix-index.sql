-- Name search reads names that start with what was typed, in alphabetical order, straight off this
-- index (folded names compare byte-wise, so the C collation serves both LIKE 'prefix%' and ORDER BY).
-- The territory columns ride along so the territorial filter and the capped count need no heap visit.
CREATE INDEX person_name_key_prefix_idx ON person ((name_key COLLATE "C"), id) INCLUDE (municipality_code, area_id);
