ALTER TABLE notes ADD COLUMN tag VARCHAR(20);
UPDATE notes SET tag = 'it''s; ten';
