// Draws T and the four factors over time from the JSON the page embeds (no inline script, so a strict CSP can apply).
(function () {
    "use strict";
    // After the page's first paint: drawing reads the layout, and before the browser's own first layout of the page that
    // read would do all of it inside this script's task (one long task where the browser would have made two).
    requestAnimationFrame(function () { setTimeout(draw, 0); });

    function draw() {
        var canvas = document.getElementById("trust-chart");
        var source = document.getElementById("trust-chart-data");
        if (!canvas || !source || typeof Chart === "undefined") {
            return;
        }
        var data = JSON.parse(source.textContent);
        var style = getComputedStyle(document.documentElement);
        function colour(name) { return style.getPropertyValue(name).trim(); }
        Chart.defaults.color = colour("--muted");
        Chart.defaults.borderColor = colour("--line");

        // On a phone T is drawn alone at first, so it stands out; the factors show from the legend or the button under the chart.
        var narrow = window.matchMedia("(max-width: 720px)").matches;
        function faint(hex) { return /^#[0-9a-f]{6}$/i.test(hex) ? hex + "b3" : hex; }
        function factor(label, values, cssColour, dash) {
            return {
                label: label, data: values, yAxisID: "factors", borderColor: faint(colour(cssColour)), backgroundColor: colour(cssColour),
                borderWidth: 1.5, borderDash: dash, pointRadius: 2, tension: 0, stepped: false, spanGaps: true, hidden: narrow, isFactor: true
            };
        }

        // A step (T moved by a fifth or more at one meeting) is a diamond on the T line.
        var steps = data.steps || [];
        function stepped(normal, step) { return steps.length ? steps.map(function (s) { return s ? step : normal; }) : normal; }

        // A relationship has one T; a team has its median T and T of its mean factors.
        var trustSeries = data.trustSeries || [{ label: "T", values: data.trust }];
        var trustStyles = [{ colour: "--accent", dash: [] }, { colour: "--text", dash: [4, 4] }, { colour: "--client", dash: [2, 3] }];
        var trustLines = trustSeries.map(function (series, index) {
            var look = trustStyles[index % trustStyles.length];
            return {
                label: series.label, data: series.values, yAxisID: "trust", borderColor: colour(look.colour),
                backgroundColor: colour(look.colour), borderWidth: 3.5, borderDash: look.dash, spanGaps: true,
                pointRadius: index === 0 ? stepped(3, 7) : 3, pointStyle: index === 0 ? stepped("circle", "rectRot") : "circle"
            };
        });

        // The client's own answers, where there are any: T as a dotted line of triangles, the factors as triangles alone.
        function clientPoints(label, values, cssColour, axis) {
            return {
                label: label, data: values, yAxisID: axis, borderColor: colour(cssColour), backgroundColor: colour(cssColour),
                pointStyle: "triangle", pointRadius: 5, showLine: false, hidden: narrow && axis === "factors", isFactor: axis === "factors"
            };
        }
        var clientLines = !data.client ? [] : [
            Object.assign(clientPoints("Client's view: T", data.client.trust, "--client", "trust"), { showLine: true, spanGaps: true, borderDash: [2, 3], borderWidth: 2, pointRadius: 6 }),
            clientPoints("Client's view: credibility", data.client.credibility, "--c-credibility", "factors"),
            clientPoints("Client's view: reliability", data.client.reliability, "--c-reliability", "factors"),
            clientPoints("Client's view: intimacy", data.client.intimacy, "--c-intimacy", "factors"),
            clientPoints("Client's view: self-orientation", data.client.selfOrientation, "--c-self", "factors")
        ];

        // Dates on the axis: short, level and thinned out so they never overlap.
        var iso = /^\d{4}-\d{2}-\d{2}$/;
        var first = data.dates[0], last = data.dates[data.dates.length - 1];
        var longSpan = iso.test(first || "") && (new Date(last) - new Date(first)) > 300 * 24 * 3600 * 1000;
        // One formatter, and each label formatted once: the axis asks for its labels many times while it lays itself out.
        var format = new Intl.DateTimeFormat("en-GB", longSpan ? { month: "short", year: "2-digit", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" });
        var formatted = {};
        function tick(value) {
            var label = this.getLabelForValue(value);
            if (!iso.test(label)) { return label; }
            return formatted[label] || (formatted[label] = format.format(new Date(label + "T00:00:00Z")));
        }

        // A recovery plan's span as a faint band behind the lines (the history below says which meetings were in it).
        var plans = data.plans || [];
        var planBands = {
            id: "planBands",
            beforeDatasetsDraw: function (c) {
                if (!plans.length) { return; }
                var x = c.scales.x, area = c.chartArea, ctx = c.ctx;
                ctx.save();
                ctx.fillStyle = colour("--plan-band") || "rgba(128, 128, 128, 0.12)";
                plans.forEach(function (p) {
                    var left = x.getPixelForValue(p.from), right = x.getPixelForValue(p.to);
                    ctx.fillRect(Math.min(left, right) - 4, area.top, Math.abs(right - left) + 8, area.bottom - area.top);
                });
                ctx.restore();
            }
        };

        var chart = new Chart(canvas, {
            plugins: [planBands],
            type: "line",
            data: {
                labels: data.dates,
                datasets: trustLines.concat([
                    factor("Credibility", data.credibility, "--c-credibility", []),
                    factor("Reliability", data.reliability, "--c-reliability", [6, 3]),
                    factor("Intimacy", data.intimacy, "--c-intimacy", [2, 2]),
                    factor("Self-orientation", data.selfOrientation, "--c-self", [8, 3, 2, 3])
                ], clientLines)
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: "index", intersect: false },
                scales: {
                    x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16, callback: tick } },
                    trust: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "T" } },
                    factors: { type: "linear", position: "right", min: 0, max: 10, grid: { drawOnChartArea: false }, title: { display: !narrow, text: "Factors (1–10)" } }
                },
                plugins: { legend: { position: "bottom", labels: { boxWidth: narrow ? 10 : 14, padding: narrow ? 6 : 10 } } }
            }
        });

        // The legend shows or hides each line; this button does it for the four factors at once, from a keyboard too.
        var toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "link-button chart-toggle";
        function factorsShown() { return chart.data.datasets.some(function (d, i) { return d.isFactor && chart.isDatasetVisible(i); }); }
        function label() {
            var shown = factorsShown();
            toggle.textContent = shown ? "Hide the four factors" : "Show the four factors";
        }
        toggle.addEventListener("click", function () {
            var show = !factorsShown();
            chart.data.datasets.forEach(function (d, i) { if (d.isFactor) { chart.setDatasetVisibility(i, show); } });
            chart.update();
            label();
        });
        chart.options.plugins.legend.onClick = function (event, item, legend) {
            Chart.defaults.plugins.legend.onClick.call(this, event, item, legend);
            label();
        };
        label();
        canvas.closest(".chart-box").after(toggle);
    }
})();
