-- The shipped reference data: complete, consistent with its sources, traceable.
BEGIN;
SELECT plan(29);
SET search_path = public, holdings;

-- TIC history: every month 2000-03 .. 2025-12, in position up to 2019-12 and in
-- position_vintage where Table 3 (newer, in millions) gives the month.
CREATE TEMP VIEW mfhhis01 AS
SELECT holder_id, instrument, as_of, amount FROM position WHERE source_id = 'tic-mfhhis01'
UNION ALL
SELECT holder_id, instrument, as_of, amount FROM position_vintage WHERE source_id = 'tic-mfhhis01';
SELECT is((SELECT count(DISTINCT as_of) FROM mfhhis01), 310::bigint, 'mfhhis01: 310 months');
SELECT is((SELECT min(as_of) FROM mfhhis01), date '2000-03-31', 'first month 2000-03');
SELECT is((SELECT max(as_of) FROM mfhhis01), date '2025-12-31', 'last month 2025-12');
SELECT is((SELECT count(*) FROM position WHERE source_id LIKE 'tic-%' AND as_of <> (date_trunc('month', as_of) + interval '1 month - 1 day')::date),
          0::bigint, 'every TIC figure is dated the last day of its month');
SELECT is((SELECT count(*) FROM position WHERE holder_id = 'grand-total' AND instrument = 'UST'), 314::bigint,
          'a Grand Total in every month 2000-03 .. 2026-04');

-- Integrity checks that hold on the file.
SELECT is((SELECT count(*) FROM (
    SELECT p.as_of,
           sum(amount(p.amount)) FILTER (WHERE p.holder_id NOT IN ('grand-total', 'foreign-official')) AS listed_plus_other,
           sum(amount(p.amount)) FILTER (WHERE p.holder_id = 'grand-total') AS grand_total
      FROM mfhhis01 p WHERE p.instrument = 'UST'
     GROUP BY p.as_of) m
    WHERE abs(listed_plus_other - grand_total) > 0.5e9), 0::bigint,
    'every month: listed lines plus All Other equal Grand Total within 0.5 bn');
SELECT is((SELECT count(*) FROM (
    SELECT as_of,
           sum(amount(amount)) FILTER (WHERE instrument = 'UST') AS official,
           sum(amount(amount)) FILTER (WHERE instrument IN ('UST-BILLS', 'UST-NOTES-BONDS')) AS split
      FROM position WHERE holder_id = 'foreign-official' GROUP BY as_of) m
    WHERE split IS NULL OR abs(official - split) > 0.15e9), 0::bigint,
    'every month: Foreign Official equals bills plus bonds and notes within 0.15 bn');

-- Spot values, as printed in the raw files.
SELECT is((SELECT amount FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'),
          '1185.515 bn USD'::holding, 'Japan 2025-12: 1,185,515 mn (Table 3)');
SELECT is((SELECT amount FROM mfhhis01 WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'),
          '1185.5 bn USD'::holding, 'Japan 2025-12 as mfhhis01 printed it: 1185.5 bn (position_vintage)');
SELECT is((SELECT amount FROM mfhhis01 WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2022-09-30'),
          '1116.4 bn USD'::holding, 'Japan 2022-09 in mfhhis01: 1116.4 bn');
SELECT is((SELECT amount FROM mfhhis01 WHERE holder_id = 'CN' AND instrument = 'UST' AND as_of = '2013-11-30'),
          '1316.7 bn USD'::holding, 'China 2013-11: 1316.7 bn (its record)');
SELECT is((SELECT amount FROM position WHERE holder_id = 'GB' AND instrument = 'UST' AND as_of = '2000-03-31'),
          '78.6 bn USD'::holding, 'UK 2000-03: the new series (78.6), not the comparison value');
SELECT is((SELECT amount FROM position_comparison WHERE holder_id = 'GB' AND as_of = '2000-03-31'),
          '235.7 bn USD'::holding, 'UK 2000-03: the old-series value is kept apart');
SELECT is((SELECT amount FROM mfhhis01 WHERE holder_id = 'foreign-official' AND instrument = 'UST-BILLS' AND as_of = '2025-12-31'),
          '388.5 bn USD'::holding, 'Foreign Official bills 2025-12 in mfhhis01: 388.5 bn');
SELECT is((SELECT count(*) FROM position WHERE holder_id = 'LU' AND as_of BETWEEN '2002-01-31' AND '2002-06-29'),
          0::bigint, 'Luxembourg n.a. 2002-01 .. 2002-05 ships no figure');
SELECT is((SELECT max(as_of) FROM position WHERE holder_id IN ('oil-exporters', 'carib-bnkng-ctrs')), date '2011-12-31',
          'the Oil Exporters and Caribbean groupings are printed through 2011-12 (footnotes: discontinued after 2016-02)');
SELECT is((SELECT min(as_of)::text || ' .. ' || max(as_of)::text || ', ' || count(*) FROM position WHERE holder_id = 'belgium-luxembourg'),
          '2000-03-31 .. 2001-12-31, 22', 'Belgium-Luxembourg covers 2000-03 .. 2001-12');

-- Table 5, whole: 20 countries, Grand Total and the Foreign Official lines, 2025-04 .. 2026-04;
-- Table 3 gives every figure in millions, so Table 5's stay in position_vintage.
SELECT is((SELECT count(*) FROM position_vintage WHERE source_id = 'tic-slt-table5'), 312::bigint,
          'Table 5: 24 lines x 13 months (All Other, a different grouping, left out)');
SELECT is((SELECT amount FROM position_vintage WHERE holder_id = 'NO' AND as_of = '2026-04-30' AND source_id = 'tic-slt-table5'),
          '214.7 bn USD'::holding, 'Norway 2026-04 from Table 5: 214.7 bn');
SELECT is((SELECT count(*) FROM position_vintage v JOIN position p USING (holder_id, instrument, as_of)
            WHERE v.source_id = 'tic-slt-table5' AND round(amount(p.amount) / 1e9, 1) <> amount(v.amount) / 1e9), 0::bigint,
          'every Table 5 figure is its Table 3 figure rounded to 0.1 bn');

-- Exchange rates and the dollar index.
SELECT is((SELECT per_usd FROM fx_rate WHERE rate_set = 'fed-monthly' AND currency = 'JPY' AND as_of = '2024-06-30'),
          157.8600::numeric, 'fed-monthly JPY 2024-06 as published (157.8600)');
SELECT is((SELECT per_usd FROM fx_rate WHERE rate_set = 'ecb-daily' AND currency = 'JPY' AND as_of = '2025-05-09'),
          round(163.36 / 1.1252, 20), 'ecb-daily JPY 2025-05-09 = 163.36 / 1.1252 (EUR rates crossed through USD)');
SELECT is((SELECT per_usd FROM fx_rate WHERE rate_set = 'ecb-daily' AND currency = 'EUR' AND as_of = '2025-05-09'),
          round(1 / 1.1252, 20), 'ecb-daily EUR per USD = 1 / 1.1252');
SELECT is((SELECT count(*) FROM fx_rate r LEFT JOIN currency c ON c.code = r.currency WHERE c.code IS NULL), 0::bigint,
          'every currency in fx_rate exists in currency');
SELECT is((SELECT value FROM dollar_index WHERE series = 'TWEXBGSMTH' AND as_of = '2006-01-01'), 100.0000::numeric,
          'broad dollar index 2006-01 = 100');

-- Traceability and duplicates.
SELECT is((SELECT count(*) FROM (
    SELECT source_id FROM position UNION ALL SELECT source_id FROM disclosure UNION ALL
    SELECT source_id FROM fx_rate UNION ALL SELECT source_id FROM dollar_index UNION ALL
    SELECT source_id FROM currency UNION ALL SELECT source_id FROM country) r
    LEFT JOIN source s ON s.id = r.source_id WHERE s.url IS NULL OR s.url !~ '^https?://'), 0::bigint,
    'every shipped row has a source with a URL');
SELECT is((SELECT count(*) FROM (SELECT holder_id, instrument, as_of FROM position
                                   GROUP BY 1, 2, 3 HAVING count(*) > 1) d), 0::bigint, 'no duplicate figures');
SELECT is((SELECT count(*) FROM disclosure WHERE quote IS NULL OR quote = ''), 0::bigint, 'every disclosure has its quote');
SELECT is((SELECT count(*) FROM disclosure), 17::bigint, 'all 17 bank figures are disclosures');

SELECT * FROM finish();
ROLLBACK;
