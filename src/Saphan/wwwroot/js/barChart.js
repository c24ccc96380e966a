// Horizontal bar chart (Chart.js, vendored UMD build) sized for long lists of Thai district names.
//
// Used from Blazor through IJSObjectReference:
//   const handle = await render(canvas, labels, datasets, options)
//   update(handle, labels, datasets);  dispose(handle)
// labels:   ["พระนคร", ...]
// datasets: [{ label: "ผู้สูงอายุ", data: [123, null, ...], color?: "#0072b2" }, ...]
//           null = suppressed small count, drawn as no bar and shown as options.suppressedLabel.
// options:  locale, title, unit, stacked (bool), suppressedLabel, animate (default: unless the user
//           prefers reduced motion), keys (one per label, passed to the click callback instead of
//           the index), dotNetRef + onClick (method name).
// The canvas should be the only child of a <div>; the module gives that div enough height for
// one readable bar per label (it sets min-height, so a CSS height that is already enough stands).

import { libUrl, loadScript, fontsReady, numberFormat, isThai, invokeDotNet } from './assets.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
const FONT_FAMILY = "'Sarabun', 'Loma', 'Garuda', system-ui, sans-serif";
const PX_PER_BAR = 22;

function ensureChart() {
    return loadScript(libUrl('chartjs/chart.umd.min.js'), 'Chart');
}

function toDatasets(datasets) {
    return (datasets ?? []).map((d, i) => ({
        label: d.label ?? '',
        data: (d.data ?? []).map(v => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
        backgroundColor: d.color ?? COLOURS[i % COLOURS.length],
        borderWidth: 0,
        barPercentage: 0.85,
        categoryPercentage: 0.85,
        // One district (a district officer's own) must not become a slab filling the chart.
        maxBarThickness: 28,
    }));
}

function sizeContainer(canvas, labelCount, datasetCount, stacked) {
    const box = canvas.parentElement;
    if (!box) return;
    const rows = Math.max(1, labelCount) * (stacked ? 1 : Math.max(1, Math.min(datasetCount, 3)));
    const needed = rows * PX_PER_BAR + 70;
    box.style.position ||= 'relative';
    box.style.minHeight = `${needed}px`;
}

function chartOptions(handle) {
    const { options, format } = handle;
    const th = isThai(options.locale);
    const suppressed = options.suppressedLabel ?? (th ? 'จำนวนน้อย (ไม่แสดง)' : 'Small count (hidden)');
    const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const animate = options.animate ?? !reduceMotion;
    const showLegend = handle.datasetCount > 1;
    return {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: animate ? { duration: 400 } : false,
        locale: options.locale || 'th-TH',
        font: { family: FONT_FAMILY },
        interaction: { mode: 'nearest', axis: 'y', intersect: false },
        layout: { padding: { right: 8 } },
        scales: {
            x: {
                stacked: !!options.stacked,
                beginAtZero: true,
                ticks: { font: { family: FONT_FAMILY, size: 12 }, callback: v => format.format(v) },
                grid: { color: '#e6e9ed' },
            },
            y: {
                stacked: !!options.stacked,
                ticks: { autoSkip: false, font: { family: FONT_FAMILY, size: 13 } },
                grid: { display: false },
            },
        },
        plugins: {
            legend: { display: showLegend, position: 'top', labels: { font: { family: FONT_FAMILY, size: 13 } } },
            title: {
                display: !!options.title,
                text: options.title ?? '',
                font: { family: FONT_FAMILY, size: 15, weight: '600' },
            },
            tooltip: {
                titleFont: { family: FONT_FAMILY, size: 14, weight: '600' },
                bodyFont: { family: FONT_FAMILY, size: 13 },
                callbacks: {
                    label: ctx => {
                        const v = ctx.raw;
                        const text = v === null || v === undefined
                            ? suppressed
                            : (options.unit ? `${format.format(v)} ${options.unit}` : format.format(v));
                        return ctx.dataset.label ? `${ctx.dataset.label}: ${text}` : text;
                    },
                },
            },
        },
        onClick: (_event, elements) => {
            if (!elements?.length) return;
            const index = elements[0].index;
            const key = options.keys?.[index] ?? index;
            invokeDotNet(options.dotNetRef, options.onClick, key);
        },
    };
}

/** Draws the chart on `canvas` once Sarabun is loaded; returns a handle for update/dispose. */
export async function render(canvas, labels, datasets, options = {}) {
    // A component removed by a re-render while the module loaded has no canvas any more: nothing to draw, and an empty handle
    // that update and dispose pass over.
    if (!canvas || !canvas.isConnected) return { chart: null };
    const [Chart] = await Promise.all([ensureChart(), fontsReady()]);
    if (!canvas.isConnected) return { chart: null };
    const handle = {
        canvas,
        options,
        format: numberFormat(options.locale),
        datasetCount: (datasets ?? []).length,
    };
    sizeContainer(canvas, (labels ?? []).length, handle.datasetCount, options.stacked);
    if (options.title && !canvas.getAttribute('aria-label')) canvas.setAttribute('aria-label', options.title);
    canvas.setAttribute('role', 'img');
    handle.chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: [...(labels ?? [])], datasets: toDatasets(datasets) },
        options: chartOptions(handle),
    });
    return handle;
}

/** Replaces the labels and data (e.g. another vulnerable group); keeps the chart. */
export function update(handle, labels, datasets) {
    if (!handle?.chart) return;
    handle.datasetCount = (datasets ?? []).length;
    sizeContainer(handle.canvas, (labels ?? []).length, handle.datasetCount, handle.options.stacked);
    handle.chart.data.labels = [...(labels ?? [])];
    handle.chart.data.datasets = toDatasets(datasets);
    handle.chart.options.plugins.legend.display = handle.datasetCount > 1;
    handle.chart.update();
}

/** Destroys the chart; safe to call twice. */
export function dispose(handle) {
    if (!handle?.chart) return;
    handle.chart.destroy();
    handle.chart = null;
}
