-- Issue 20: Table 3D, the price effect and the caveats, against the files.
BEGIN;
SET search_path = holdings, public;
SELECT plan(24);

-- Table 3D shipped as it prints: every data line (17,234) parsed, its figures as vintages.
SELECT is((SELECT count(*) FROM position_vintage WHERE source_id = 'tic-slt-table3d' AND instrument = 'UST'
              AND as_of = '2016-12-31' AND holder_id = 'CN'), 1::bigint, 'Table 3D: China 2016-12 total is a vintage');
SELECT is((SELECT amount FROM position_vintage WHERE source_id = 'tic-slt-table3d' AND instrument = 'UST-BILLS'
              AND as_of = '2016-12-31' AND holder_id = 'CN'), '4411000000 USD'::holding, 'Table 3D: China bills 2016-12 = 4,411 mn');
SELECT is((SELECT amount FROM position_vintage WHERE source_id = 'tic-slt-table3d' AND instrument = 'UST'
              AND as_of = '2019-12-31' AND holder_id = 'JP'), '1155162000000 USD'::holding, 'Table 3D: Japan 2019-12 = 1,155,162 mn');
SELECT is((SELECT amount(sum(net_purchases)) FROM transaction WHERE holder_id = 'CN' AND instrument = 'UST-BILLS'
              AND as_of BETWEEN '2016-01-31' AND '2016-12-31'), 2129000000::numeric, 'China 2016 bills flows: 4,411 - 2,282 = 2,129 mn');
SELECT is((SELECT count(*) FROM transaction t
             JOIN position_vintage p ON p.holder_id = t.holder_id AND p.instrument = 'UST-BILLS' AND p.as_of = t.as_of
                                    AND p.source_id = 'tic-slt-table3d'
             JOIN position_vintage q ON q.holder_id = t.holder_id AND q.instrument = 'UST-BILLS' AND q.source_id = 'tic-slt-table3d'
                                    AND q.as_of = t.as_of - date_part('day', t.as_of)::integer
            WHERE t.source_id = 'tic-slt-table3d' AND t.net_purchases <> p.amount - q.amount), 0::bigint,
          'Table 3D bills flows = the change in Table 3D bill holdings, exactly');
-- China 2016: Form S -155,203 + bills 2,129 = -153,074; holdings -187.7 bn; valuation -34,626 mn.
SELECT is((SELECT ROW(net_foreign_purchases, holdings_change, valuation, months_without_bills_flows, residual_flagged)::text
             FROM did_they_sell('CN', '2016-01-01', '2016-12-31')),
          '("-153074000000.00 USD","-187700000000.00 USD","-34626000000.00 USD",0,f)',
          'China 2016: sold 153.1 bn by transactions, valuation -34.6 bn, not flagged');
SELECT is((SELECT residual_flagged FROM did_they_sell('GB', '2022-01-01', '2022-12-31')), true,
          'United Kingdom 2022: basis residual flagged (trades booked through London custodians)');
SELECT is((SELECT residual_flagged FROM did_they_sell('JP', '2022-01-01', '2022-12-31')), false,
          'Japan 2022: valuation is what prices explain, not flagged');
-- The market return from 2023-02 is Table 3's Grand Total: reported valuation / previous long-term holdings.
SELECT is((SELECT reported_return FROM treasury_price_return WHERE month = '2023-02-28'),
          round((SELECT amount(valuation_change) FROM transaction WHERE holder_id = 'grand-total'
                    AND instrument = 'UST-NOTES-BONDS' AND as_of = '2023-02-28')
                / (SELECT amount(amount) FROM position WHERE holder_id = 'grand-total'
                    AND instrument = 'UST-NOTES-BONDS' AND as_of = '2023-01-31'), 12),
          '2023-02 market return = Grand Total valuation change / long-term holdings at 2023-01');
SELECT ok((SELECT duration BETWEEN 3 AND 6 AND rmse_pp < rms_return_pp / 3 FROM price_model_calibration),
          'the duration model explains most of the monthly return (RMSE under a third of the return''s RMS)');
-- Every estimate is exact numeric: the price effect is base x return rounded once.
SELECT is((SELECT count(*) FROM monthly_flows
            WHERE estimated_price_effect IS DISTINCT FROM round(long_term_base * price_return, 8)), 0::bigint,
          'estimated_price_effect = round(long_term_base x price_return, 8) in every month');
SELECT is((SELECT count(*) FROM monthly_flows WHERE valuation - estimated_price_effect <> basis_residual), 0::bigint,
          'valuation = estimated price effect + basis residual in every month');
-- The views and the aggregate agree about what is missing, for every holder and year.
SELECT is_empty($$
    SELECT m.holder_id, date_part('year', m.as_of) AS y
      FROM monthly_flows m
     WHERE m.level_change IS NOT NULL
     GROUP BY 1, 2
    HAVING count(*) FILTER (WHERE m.flows_missing IN ('bills', 'all'))
           <> (net_foreign_purchases(m.net_purchases, m.flows_missing, m.as_of)).months_without_bills_flows
              - (months_spanned(min(m.as_of), max(m.as_of)) - count(*))$$,
    'net_foreign_purchases counts the same months without bills flows as monthly_flows');
SELECT is((SELECT count(*) FROM monthly_flows WHERE mixed_vintage), 72::bigint,
          'Poland 2020-01 .. 2025-12: total from mfhhis01 beside long-term from Table 3, flagged');
SELECT throws_ok($$SELECT * FROM treasury_yield_at('DGS10', '2022-12-31', 0)$$, '22U04', NULL,
                 'a yield beyond the tolerance is an error (22U04)');
SELECT is((SELECT yield_percent FROM treasury_yield_at('DGS10', '2022-12-31')), 3.88, '2022-12-31 (a Saturday): the Friday''s 3.88');

-- long_term_base takes Table 3D's newest release by that release's vintage:
-- a vintage row naming a release of another dataset (release_id has no
-- foreign key: '' is a row by hand) or no release at all does not outrank
-- the shipped figure.
SELECT is((SELECT long_term_holdings::text || ' ' || basis FROM long_term_base WHERE holder_id = 'JP' AND as_of = '2015-06-30'),
          '1124294000000.00000000 long-term (Table 3D)', 'Japan 2015-06: Table 3D''s long-term figure');
INSERT INTO position_vintage (holder_id, instrument, as_of, source_id, release_id, amount)
SELECT 'JP', 'UST-NOTES-BONDS', '2015-06-30', 'tic-slt-table3d', d.id, '1 USD'
  FROM data_release d WHERE d.source_id <> 'tic-slt-table3d' ORDER BY d.vintage DESC, d.id DESC LIMIT 1;
INSERT INTO position_vintage (holder_id, instrument, as_of, source_id, release_id, amount)
VALUES ('JP', 'UST-NOTES-BONDS', '2015-06-30', 'tic-slt-table3d', 'tic-slt-table3d/2099-01-01/000000000000', '2 USD');
SELECT is((SELECT long_term_holdings::text FROM long_term_base WHERE holder_id = 'JP' AND as_of = '2015-06-30'),
          '1124294000000.00000000', 'a Table 3D vintage naming a newer release of another dataset, or no release, does not replace the shipped one');
SELECT is((SELECT count(*) FROM long_term_base WHERE holder_id = 'JP' AND as_of = '2015-06-30'), 1::bigint,
          'still one row for the month');

-- The loader: a small Table 3D release for Croatia (a holder only Table 3D
-- lists): holdings into position_vintage, bills flows where the month before
-- is printed; a dry run reports the same and writes nothing.
INSERT INTO source (id, publisher, title, url) VALUES ('test-3d', 'US Treasury', 'test', 'https://example.org/3d');
CREATE TEMP TABLE doc3d AS SELECT E'"TABLE 3D:  U.S",". Treasury Secu"\n"","","","----------"\n'
    || E'"Croatia",14214,"2010-02","1,500","1,000",500\n"Croatia",14214,"2010-01","1,300","1,000",300\n'
    || E'"Croatia",14214,"2009-11",900,800,100\n""\n"Notes:"\n' AS body;
SELECT is((SELECT array_agg(action || ' ' || table_name ORDER BY table_name, key::text)::text
             FROM load_tic_table3d((SELECT body FROM doc3d), 'test-3d', dry_run => true)),
          '{"inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted position_vintage","inserted transaction"}',
          'load_tic_table3d dry run: 9 vintage figures and one bills flow (2010-01 has no month before)');
SELECT is((SELECT count(*) FROM position_vintage WHERE source_id = 'test-3d'), 0::bigint, 'a dry run writes nothing');
SELECT is((SELECT count(*) FROM load_tic_table3d((SELECT body FROM doc3d), 'test-3d')), 10::bigint, 'the load reports 10 changes');
SELECT is((SELECT net_purchases FROM transaction WHERE source_id = 'test-3d'), '200000000 USD'::holding,
          'Croatia 2010-02 bills flow = 500 - 300 mn');
SELECT throws_ok($$SELECT * FROM load_tic_table3d(E'"TABLE 3D"\n"Atlantis",1,"2010-01",1,1,0\n', 'test-3d')$$, '22P02',
                 'TIC Table 3D document, line 2: unknown row label "Atlantis"', 'an unknown label names its line and loads nothing');

SELECT * FROM finish();
ROLLBACK;
