-- The network's ten action fields and eight regions (DESIGN.md); administrators edit them later in the UI.

INSERT INTO action_field (slug, name, name_en, position) VALUES
 ('ehrenamt', 'Ehrenamt und bürgerschaftliches Engagement', 'Volunteering and civic engagement', 1),
 ('beteiligung', 'Beteiligung und demokratische Mitbestimmung', 'Participation and democratic co-determination', 2),
 ('lebendige-doerfer', 'Lebendige Dörfer und sozialer Zusammenhalt', 'Vibrant villages and social cohesion', 3),
 ('bildung-kultur', 'Bildung und Kultur', 'Education and culture', 4),
 ('zirkulaeres-wirtschaften', 'Nachhaltiges, zirkuläres Wirtschaften', 'Sustainable, circular economy', 5),
 ('mobilitaet', 'Gute Mobilität für alle', 'Good mobility for all', 6),
 ('energie-klimaschutz', 'Energie und Klimaschutz', 'Energy and climate protection', 7),
 ('naturschutz', 'Naturschutz und Ökologie', 'Nature conservation and ecology', 8),
 ('ernaehrung-landwirtschaft', 'Ernährung und Landwirtschaft', 'Food and agriculture', 9),
 ('bauen-wohnen', 'Nachhaltiges Bauen und Wohnen', 'Sustainable building and housing', 10);

INSERT INTO region (slug, name, position) VALUES
 ('mansfeld-suedharz', 'Landkreis Mansfeld-Südharz', 1),
 ('burgenlandkreis', 'Burgenlandkreis', 2),
 ('saalekreis', 'Saalekreis', 3),
 ('anhalt-bitterfeld', 'Landkreis Anhalt-Bitterfeld', 4),
 ('nordsachsen', 'Landkreis Nordsachsen', 5),
 ('landkreis-leipzig', 'Landkreis Leipzig', 6),
 ('leipzig', 'Stadt Leipzig', 7),
 ('halle', 'Stadt Halle (Saale)', 8);
