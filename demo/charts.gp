# The demo's two charts; tools/demo_report.py fills in the output folder and the series-break lines.
set terminal pngcairo size 1200,650 font "DejaVu Sans,11"
set datafile separator ","
set key autotitle columnhead top left opaque box lc rgb "#ffffff"
set grid ytics lc rgb "#dddddd"

set output "@OUT@/holdings.png"
set title "US Treasury securities held by Japan, China and the United Kingdom (TIC, end of month)"
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y"
set xtics "2000-01-01", 31557600 * 2
set xrange ["2000-01-01":"2026-06-30"]
set ylabel "billions of USD"
set yrange [0:*]
@BREAKS@
plot "@OUT@/holdings.csv" using 1:2 with lines lw 2 lc rgb "#c0392b" title "Japan", \
     "" using 1:3 with lines lw 2 lc rgb "#2c3e50" title "China, Mainland", \
     "" using 1:4 with lines lw 2 lc rgb "#2980b9" title "United Kingdom", \
     NaN with lines dt 2 lc rgb "#999999" title "TIC series break"

unset arrow
set output "@OUT@/japan_by_year.png"
set multiplot layout 2,1 title "Japan's net selling of US Treasuries by year (positive = selling)"
unset xdata
set autoscale x
set format x "%g"
set xtics 1 rotate by -45
set yrange [*:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel "billions of USD"
set yrange [-250:250]
set title "In dollars: net_foreign_selling(h, d)" noenhanced
plot "@OUT@/japan_by_year.csv" using 2:xtic(1) lc rgb "#7f8c8d" title "net selling, USD bn"
set ylabel "trillions of yen"
set yrange [-35:35]
set title "In yen: FX-adjusted (each month at its own rate) vs unadjusted (fall in yen value)"
plot "@OUT@/japan_by_year.csv" using 3:xtic(1) lc rgb "#c0392b" title "FX-adjusted, JPY trn", \
     "" using 4 lc rgb "#f39c12" title "unadjusted, JPY trn"
unset multiplot

# Chart 3: Japan's monthly change in yen split into net purchases, valuation and FX.
set output "@OUT@/japan_monthly_flows.png"
set title "Japan: monthly change in US Treasury holdings, in yen (flow\\_decompose)" enhanced
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y"
set xtics "2020-01-01", 31557600 rotate by 0
set xrange ["2019-12-01":"2026-05-31"]
set yrange [*:*]
set ylabel "trillions of yen"
set style fill solid 0.85 noborder
set boxwidth 1900000 absolute
set xzeroaxis lt -1
set key outside bottom center horizontal noopaque nobox
set arrow from "2023-02-14", graph 0 to "2023-02-14", graph 1 nohead dt 2 lc rgb "#999999"
set label "long-term flows: Form S | Table 3" at "2023-02-14", graph 0.97 center front tc rgb "#666666" font ",9"
plot "@OUT@/japan_monthly_flows.csv" using 1:8 with boxes lc rgb "#f39c12" title "FX effect (the yen's move)", \
     "" using 1:7 with boxes lc rgb "#8e44ad" title "valuation (prices, revisions)", \
     "" using 1:6 with boxes lc rgb "#2c3e50" title "net purchases (TIC transactions)", \
     "" using 1:11 with boxes lc rgb "#f39c12" notitle, \
     "" using 1:10 with boxes lc rgb "#8e44ad" notitle, \
     "" using 1:9 with boxes lc rgb "#2c3e50" notitle, \
     "" using 1:5 with linespoints lw 1.5 pt 7 ps 0.5 lc rgb "#c0392b" title "total change in yen"
