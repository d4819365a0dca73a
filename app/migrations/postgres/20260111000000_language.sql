-- Each person's email comes in the language they read the portal in:
-- chosen at registration (the page's language) and by the language switch.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en'));
-- A request to join the network is answered in the language it was made in.
ALTER TABLE adhesion_requests ADD COLUMN language TEXT NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en'));
