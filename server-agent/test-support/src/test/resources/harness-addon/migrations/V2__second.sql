INSERT INTO notes (text) VALUES ('seeded');
