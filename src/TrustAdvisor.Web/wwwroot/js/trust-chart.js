// Draws T and the four factors over time from the JSON the page embeds (no inline script, so a strict CSP can apply).
(function () {
    "use strict";
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

    function factor(label, values, cssColour, dash) {
        return {
            label: label, data: values, yAxisID: "factors", borderColor: colour(cssColour), backgroundColor: colour(cssColour),
            borderWidth: 1.5, borderDash: dash, pointRadius: 2, tension: 0, stepped: false, spanGaps: true
        };
    }

    // A relationship has one T; a team has its median T and T of its mean factors.
    var trustSeries = data.trustSeries || [{ label: "T", values: data.trust }];
    var trustStyles = [{ colour: "--accent", dash: [] }, { colour: "--text", dash: [4, 4] }, { colour: "--client", dash: [2, 3] }];
    var trustLines = trustSeries.map(function (series, index) {
        var look = trustStyles[index % trustStyles.length];
        return {
            label: series.label, data: series.values, yAxisID: "trust", borderColor: colour(look.colour),
            backgroundColor: colour(look.colour), borderWidth: 3, borderDash: look.dash, pointRadius: 3, spanGaps: true
        };
    });

    // The client's own answers, where there are any: T as a dotted line of triangles, the factors as triangles alone.
    function clientPoints(label, values, cssColour, axis) {
        return {
            label: label, data: values, yAxisID: axis, borderColor: colour(cssColour), backgroundColor: colour(cssColour),
            pointStyle: "triangle", pointRadius: 5, showLine: false
        };
    }
    var clientLines = !data.client ? [] : [
        Object.assign(clientPoints("Client's view: T", data.client.trust, "--client", "trust"), { showLine: true, spanGaps: true, borderDash: [2, 3], borderWidth: 2, pointRadius: 6 }),
        clientPoints("Client's view: credibility", data.client.credibility, "--c-credibility", "factors"),
        clientPoints("Client's view: reliability", data.client.reliability, "--c-reliability", "factors"),
        clientPoints("Client's view: intimacy", data.client.intimacy, "--c-intimacy", "factors"),
        clientPoints("Client's view: self-orientation", data.client.selfOrientation, "--c-self", "factors")
    ];

    new Chart(canvas, {
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
                trust: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "T" } },
                factors: { type: "linear", position: "right", min: 0, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Factors (1–10)" } }
            },
            plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } }
        }
    });
})();
