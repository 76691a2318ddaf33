-- Transactions, custody and yields against the files they come from (issue 15).
BEGIN;
SELECT plan(29);
SET search_path = public, holdings;
SET holdings.rate_set = 'fed-monthly';

-- Form S: net purchases of Treasury bonds & notes = column [1] - column [7].
SELECT is((SELECT count(*) FROM transaction WHERE series = 'tic-form-s'), 41519::bigint,
          'Form S: every country row of s1_globl.txt (97 lines, 1977-01 .. 2023-01)');
SELECT is((SELECT sum(net_purchases) FROM transaction
            WHERE holder_id = 'JP' AND series = 'tic-form-s' AND as_of BETWEEN '2022-01-31' AND '2022-12-31'),
          '-127290 mn USD'::holding, 'Japan 2022, Form S net purchases of bonds & notes: -127.3 bn');
SELECT is((SELECT sum(net_purchases) FROM transaction
            WHERE holder_id = 'CN' AND series = 'tic-form-s' AND as_of BETWEEN '2016-01-31' AND '2016-12-31'),
          '-155203 mn USD'::holding, 'China 2016, Form S: -155.2 bn');
SELECT is((SELECT ROW(gross_purchases, gross_sales, net_purchases)::text FROM transaction
            WHERE holder_id = 'JP' AND instrument = 'UST-NOTES-BONDS' AND as_of = '2022-12-31'),
          ROW('12636 mn USD'::holding, '22060 mn USD'::holding, '-9424 mn USD'::holding)::text,
          'Japan 2022-12: gross purchases [1] 12,636, gross sales [7] 22,060, net -9,424 (millions)');
SELECT is((SELECT count(*) FROM transaction WHERE net_purchases <> gross_purchases - gross_sales), 0::bigint,
          'every Form S row: net = gross purchases - gross sales');
SELECT is((SELECT min(as_of)::text || ' .. ' || max(as_of)::text FROM transaction WHERE series = 'tic-form-s'),
          '1977-01-31 .. 2023-01-31', 'Form S ends with 2023-01');
SELECT is((SELECT sum(net_purchases) FROM transaction WHERE holder_id = 'grand-total' AND series = 'tic-form-s'
            AND as_of BETWEEN '2022-01-31' AND '2022-12-31'),
          (SELECT sum(net_purchases) FROM transaction t JOIN tic_label l ON l.holder_id = t.holder_id AND l.instrument = 'UST'
            WHERE t.series = 'tic-form-s' AND l.label IN ('All Countries', 'Total IROs') AND t.as_of BETWEEN '2022-01-31' AND '2022-12-31'),
          'Form S 2022: Grand Total = All Countries + Total IROs');

-- Table 3: holdings in millions by maturity; net purchases and valuation from 2023-02.
SELECT is((SELECT amount FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-03-31'),
          '1191572 mn USD'::holding, 'Table 3: Japan 2026-03 holdings 1,191,572 mn');
SELECT is((SELECT valuation_change FROM transaction WHERE holder_id = 'JP' AND instrument = 'UST-NOTES-BONDS' AND as_of = '2026-03-31'),
          '-17955 mn USD'::holding, 'Table 3: Japan 2026-03 long-term valuation change -17,955 mn');
SELECT is((SELECT amount FROM position WHERE holder_id = 'grand-total' AND instrument = 'UST' AND as_of = '2026-04-30'),
          '9352646 mn USD'::holding, 'Table 3: Grand Total 2026-04 = 9,352,646 mn');
SELECT is((SELECT count(*) FROM position p JOIN position l USING (holder_id, as_of) JOIN position b USING (holder_id, as_of)
            WHERE p.source_id = 'tic-slt-table3' AND p.instrument = 'UST' AND l.instrument = 'UST-NOTES-BONDS'
              AND b.instrument = 'UST-BILLS' AND abs(p.amount - l.amount - b.amount) > '1 mn USD'::holding), 0::bigint,
          'Table 3: total = long-term + short-term in every row, within TIC''s 1 mn rounding');
SELECT is((SELECT min(as_of) FROM transaction WHERE series = 'tic-slt'), date '2023-02-28',
          'Table 3 flows start where Form S ends (2023-02)');
SELECT is((SELECT count(*) FROM transaction t
             JOIN position p ON p.holder_id = t.holder_id AND p.instrument = 'UST-BILLS' AND p.as_of = t.as_of
             JOIN position q ON q.holder_id = t.holder_id AND q.instrument = 'UST-BILLS'
                            AND q.as_of = t.as_of - date_part('day', t.as_of)::integer
            WHERE t.instrument = 'UST-BILLS' AND abs(t.net_purchases - (p.amount - q.amount)) > '1 mn USD'::holding), 0::bigint,
          'bills: net purchases = the change in bill holdings (footnote 2), within TIC''s 1 mn rounding');
SELECT is((SELECT count(*) FROM transaction WHERE instrument = 'UST-BILLS' AND valuation_change <> '0 USD'::holding), 0::bigint,
          'bills carry no valuation change');

-- The issue's worked example: Japan 2022, millions of USD.
SELECT is((SELECT ROW(sum(level_change), sum(long_term_net_purchases), sum(bills_net_purchases), sum(net_purchases), sum(valuation))::text
             FROM monthly_flows WHERE holder_id = 'JP' AND as_of BETWEEN '2022-01-31' AND '2022-12-31'),
          '(-225735000000.00000000,-127290000000.00000000,-6528000000.00000000,-133818000000.00000000,-91917000000.00000000)',
          'Japan 2022: holdings -225,735 = flows -133,818 (Form S -127,290, bills -6,528) + valuation -91,917');
SELECT is((SELECT amount(e.amount) - amount(s.amount) FROM position s, position e
            WHERE s.holder_id = 'JP' AND e.holder_id = 'JP' AND s.instrument = 'UST-NOTES-BONDS' AND e.instrument = 'UST-NOTES-BONDS'
              AND s.as_of = '2021-12-31' AND e.as_of = '2022-12-31'), -219207e6,
          'Japan 2022: long-term holdings -219,207');
SELECT is((SELECT amount(e.amount) - amount(s.amount) FROM position s, position e
            WHERE s.holder_id = 'JP' AND e.holder_id = 'JP' AND s.instrument = 'UST' AND e.instrument = 'UST'
              AND s.as_of = '2021-12-31' AND e.as_of = '2022-12-31'), -225735e6,
          'Japan 2022: total holdings 1,300,789 -> 1,075,054');
SELECT is((SELECT count(*) FROM monthly_flows WHERE valuation <> level_change - net_purchases
              OR unexplained <> valuation - reported_valuation), 0::bigint, 'monthly_flows: every row adds up');

-- In yen: every month adds up exactly; Japan 2022 in four parts.
SELECT is((SELECT count(*) FROM monthly_components('JPY') WHERE total_change <> flow_effect + valuation_effect + fx_effect), 0::bigint,
          'monthly_components(JPY): total = flow + valuation + FX in every row');
SELECT is((SELECT ROW(sum(total_change), sum(flow_effect), sum(valuation_effect), sum(fx_effect))::text FROM monthly_components('JPY')
            WHERE holder_id = 'JP' AND as_of BETWEEN '2022-01-31' AND '2022-12-31'),
          ROW('-3031888758900 JPY'::holding, '-18008183873100 JPY'::holding, '-12385134109900 JPY'::holding,
              '27361429224100 JPY'::holding)::text,
          'Japan 2022 in yen (fed-monthly): -3.03 tn = flows -18.01 tn + valuation -12.39 tn + FX +27.36 tn');
SELECT is((SELECT count(*) FROM monthly_components('USD') WHERE fx_effect <> '0 USD'::holding), 0::bigint,
          'in USD the FX effect is 0');
SELECT is((SELECT sum(total_change) FROM monthly_components('USD') WHERE holder_id = 'JP' AND as_of BETWEEN '2022-10-31' AND '2022-12-31'),
          (SELECT e.amount - s.amount FROM position s, position e WHERE s.holder_id = 'JP' AND e.holder_id = 'JP'
              AND s.instrument = 'UST' AND e.instrument = 'UST' AND s.as_of = '2022-09-30' AND e.as_of = '2022-12-31'),
          'a quarter is the SUM of its months: Japan 2022-Q4 = level 2022-12 - level 2022-09');

-- Breaks and vintages are visible in SQL.
SELECT is((SELECT string_agg(kind || ' ' || as_of || ' ' || before || '->' || after, '; ' ORDER BY as_of, kind)
             FROM series_boundary WHERE holder_id = 'JP' AND as_of > '2012-01-01'),
          'level source 2020-01-31 tic-mfhhis01->tic-slt-table3; flow series 2023-02-28 tic-form-s->tic-slt',
          'Japan: the level moves to Table 3 at 2020-01, the flows to Table 3 at 2023-02');
SELECT is((SELECT array_agg(as_of ORDER BY as_of) FROM monthly_flows WHERE holder_id = 'JP' AND break_before AND as_of > '2012-01-01'),
          ARRAY[date '2020-01-31', date '2023-02-28'], 'monthly_flows flags the months after a break');

-- Custody (H.4.1 via FRED) and yields (H.15 via FRED).
SELECT is((SELECT e.amount - s.amount FROM custody_holding s, custody_holding e
            WHERE s.as_of = '2014-03-05' AND e.as_of = '2014-03-12'), '-104535 mn USD'::holding,
          'custody: -104.5 bn in the week to 2014-03-12');
SELECT is((SELECT min(as_of)::text || ' .. ' || max(as_of)::text || ', ' || count(*) FROM custody_holding),
          '2007-07-04 .. 2026-06-24, 991', 'custody: weekly 2007-07 .. 2026-06 (zeros before 2007-07 are "not reported")');
SELECT is((SELECT array_agg(yield_percent ORDER BY as_of) FROM treasury_yield WHERE series = 'DGS10' AND as_of IN ('2021-12-31', '2022-12-30')),
          ARRAY[1.52, 3.88], 'DGS10: 1.52% at end-2021, 3.88% at end-2022');
SELECT is((SELECT count(*) FROM treasury_yield), 129977::bigint, 'yields: every published day of the ten series');

-- Traceability.
SELECT is((SELECT count(*) FROM (SELECT source_id FROM transaction UNION ALL SELECT source_id FROM custody_holding
                                 UNION ALL SELECT source_id FROM treasury_yield UNION ALL SELECT source_id FROM position_vintage) r
            LEFT JOIN source s ON s.id = r.source_id WHERE s.url IS NULL), 0::bigint, 'every new row has its source');

SELECT * FROM finish();
ROLLBACK;
