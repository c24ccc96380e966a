// Choropleth of Bangkok's 50 districts: Leaflet with NO tile layer (the app works offline and sends
// no one's location to a tile server), polygons from wwwroot/geo, 5 sequential colour classes.
//
// Used from Blazor through IJSObjectReference:
//   const handle = await render(element, geojsonUrl, data, options)
//   update(handle, data);  dispose(handle)
// data:    { "1001": { value: 123, label: "พระนคร" }, ... } keyed by DOPA district code.
//          A missing code = no data (grey); value null = suppressed small count (options.suppressedLabel).
// options: locale ("th-TH" | "en" ...), legendTitle, unit (text after the number, e.g. "คน"),
//          suppressedLabel (e.g. "<5"), noDataLabel, ariaLabel, attribution,
//          dotNetRef + onClick (method name; called with the district code on click/tap).

import { libUrl, loadScript, loadCss, numberFormat, isThai, invokeDotNet } from './assets.js';

/** ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, legible in greyscale print. */
export const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const NO_DATA = '#d9d9d9';
const SUPPRESSED = '#f4f4f4';
const OUTLINE = '#4a5560';

const geojsonCache = new Map();

function loadGeoJson(url) {
    if (!geojsonCache.has(url)) {
        geojsonCache.set(url, fetch(url).then(r => {
            if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
            return r.json();
        }).catch(e => {
            geojsonCache.delete(url);
            throw e;
        }));
    }
    return geojsonCache.get(url);
}

async function ensureLeaflet() {
    await Promise.all([
        loadCss(libUrl('leaflet/leaflet.css'), '/leaflet/leaflet'),
        loadCss(new URL('./districtMap.css', import.meta.url).href, 'districtMap'),
    ]);
    return loadScript(libUrl('leaflet/leaflet.js'), 'L');
}

/**
 * Class breaks by quantiles of the distinct values: counts per district are skewed (a few large
 * suburban districts), so equal intervals would put most districts in one class.
 * Returns up to `classes` groups [{min, max}] in ascending order; fewer when there are fewer
 * distinct values.
 */
export function classBreaks(values, classes = PALETTE.length) {
    const distinct = [...new Set(values.filter(v => typeof v === 'number' && Number.isFinite(v)))]
        .sort((a, b) => a - b);
    if (distinct.length === 0) return [];
    const k = Math.min(classes, distinct.length);
    const groups = [];
    for (let i = 0; i < k; i++) {
        const from = Math.floor(i * distinct.length / k);
        const to = Math.floor((i + 1) * distinct.length / k) - 1;
        groups.push({ min: distinct[from], max: distinct[to] });
    }
    return groups;
}

/** Colour of each class: spread over the palette when there are fewer than 5 classes. */
function classColours(count) {
    if (count <= 1) return [PALETTE[PALETTE.length - 1]];
    return Array.from({ length: count }, (_, i) =>
        PALETTE[Math.round(i * (PALETTE.length - 1) / (count - 1))]);
}

function classOf(groups, value) {
    for (let i = 0; i < groups.length; i++) if (value <= groups[i].max) return i;
    return groups.length - 1;
}

function entryState(entry) {
    if (entry === undefined || entry === null) return 'none';
    if (entry.value === null || entry.value === undefined) return 'suppressed';
    return typeof entry.value === 'number' && Number.isFinite(entry.value) ? 'value' : 'none';
}

function texts(options) {
    const th = isThai(options.locale);
    return {
        noData: options.noDataLabel ?? (th ? 'ไม่มีข้อมูล' : 'No data'),
        suppressed: options.suppressedLabel ?? (th ? 'จำนวนน้อย (ไม่แสดง)' : 'Small count (hidden)'),
        attribution: options.attribution
            ?? (th ? 'ขอบเขตเขต: กทม. ผ่าน pcrete/gsvloader-demo (MIT)' : 'District boundaries: BMA via pcrete/gsvloader-demo (MIT)'),
    };
}

function districtName(feature, entry, options) {
    if (entry?.label) return entry.label;
    const p = feature.properties ?? {};
    return (isThai(options.locale) ? p.dname : p.dname_e) || p.dname || p.dcode;
}

function tooltipNode(name, text) {
    // Built from nodes, not HTML strings: labels come from data.
    const div = document.createElement('div');
    div.className = 'saphan-map-tip';
    const strong = document.createElement('strong');
    strong.textContent = name;
    const span = document.createElement('span');
    span.textContent = text;
    div.append(strong, document.createElement('br'), span);
    return div;
}

function describe(handle, entry) {
    const { format, options, text } = handle;
    switch (entryState(entry)) {
        case 'value': return options.unit ? `${format.format(entry.value)} ${options.unit}` : format.format(entry.value);
        case 'suppressed': return text.suppressed;
        default: return text.noData;
    }
}

function styleFor(handle, dcode) {
    const entry = handle.data[dcode];
    const base = { color: OUTLINE, weight: 1, opacity: 1, fillOpacity: 0.85, dashArray: null };
    switch (entryState(entry)) {
        case 'value':
            return { ...base, fillColor: handle.colours[classOf(handle.groups, entry.value)] };
        case 'suppressed':
            return { ...base, fillColor: SUPPRESSED, dashArray: '3 3' };
        default:
            return { ...base, fillColor: NO_DATA };
    }
}

function buildLegend(handle) {
    const L = handle.L;
    const { format, options, text } = handle;
    const container = L.DomUtil.create('div', 'saphan-map-legend');
    if (options.legendTitle) {
        const title = L.DomUtil.create('div', 'saphan-map-legend-title', container);
        title.textContent = options.legendTitle;
    }
    const row = (colour, label, dashed) => {
        const item = L.DomUtil.create('div', 'saphan-map-legend-item', container);
        const swatch = L.DomUtil.create('span', 'saphan-map-swatch' + (dashed ? ' dashed' : ''), item);
        swatch.style.background = colour;
        const span = L.DomUtil.create('span', '', item);
        span.textContent = label;
    };
    // Highest class first, as in most printed choropleth legends.
    for (let i = handle.groups.length - 1; i >= 0; i--) {
        const g = handle.groups[i];
        row(handle.colours[i], g.min === g.max ? format.format(g.min) : `${format.format(g.min)} – ${format.format(g.max)}`);
    }
    const states = Object.keys(handle.featuresByCode).map(c => entryState(handle.data[c]));
    if (states.includes('suppressed')) row(SUPPRESSED, text.suppressed, true);
    if (states.includes('none')) row(NO_DATA, text.noData);
    return container;
}

function applyData(handle, data) {
    handle.data = data ?? {};
    const values = Object.keys(handle.featuresByCode)
        .map(c => handle.data[c])
        .filter(e => entryState(e) === 'value')
        .map(e => e.value);
    handle.groups = classBreaks(values);
    handle.colours = classColours(handle.groups.length);
    for (const [dcode, layer] of Object.entries(handle.featuresByCode)) {
        layer.setStyle(styleFor(handle, dcode));
        const entry = handle.data[dcode];
        layer.setTooltipContent(tooltipNode(districtName(layer.feature, entry, handle.options), describe(handle, entry)));
    }
    if (handle.legend) handle.legend.remove();
    const L = handle.L;
    const Legend = L.Control.extend({ onAdd: () => buildLegend(handle) });
    handle.legend = new Legend({ position: 'bottomright' }).addTo(handle.map);
}

/** Below this width the legend becomes a strip along the bottom and the city is fitted above it. */
const NARROW_PX = 520;

function fit(handle) {
    if (!handle.map || !handle.bounds) return;
    // A container without a size (hidden, or being replaced by a re-render) cannot be fitted: Leaflet would compute NaN.
    // Centre on Bangkok instead; the resize observer fits the city once the container has a size.
    if (handle.element.clientWidth === 0 || handle.element.clientHeight === 0) {
        handle.map.setView(handle.bounds.getCenter(), 10, { animate: false });
        return;
    }
    const narrow = handle.element.clientWidth < NARROW_PX;
    handle.element.classList.toggle('saphan-map-narrow', narrow);
    handle.map.invalidateSize({ animate: false });
    // On a phone a corner legend would hide the south-eastern districts; keep them clear of the strip.
    const legendHeight = narrow ? (handle.legend?.getContainer()?.offsetHeight ?? 0) + 22 : 0;
    handle.map.fitBounds(handle.bounds, {
        paddingTopLeft: [8, 8],
        paddingBottomRight: [8, 8 + legendHeight],
        animate: false,
    });
}

/** Draws the map in `element` and returns a handle for update/dispose. */
export async function render(element, geojsonUrl, data, options = {}) {
    // A component removed by a re-render while the module loaded has no element any more: nothing to draw, and an empty handle
    // that update and dispose pass over.
    if (!element || !element.isConnected) return { map: null };
    const [L, geojson] = await Promise.all([ensureLeaflet(), loadGeoJson(geojsonUrl)]);
    if (!element.isConnected) return { map: null };

    // A container without a height would show nothing; give it one that suits phones and desktops.
    if (element.clientHeight === 0) element.style.height = 'clamp(18rem, 60vh, 34rem)';
    element.classList.add('saphan-map-leaflet');
    if (options.ariaLabel) element.setAttribute('aria-label', options.ariaLabel);

    const handle = {
        L,
        element,
        options,
        text: texts(options),
        format: numberFormat(options.locale),
        featuresByCode: {},
        data: {},
        groups: [],
        colours: [],
    };

    const map = L.map(element, {
        zoomSnap: 0.25,
        zoomDelta: 0.5,
        // The page keeps the wheel and, on phones, one-finger swipes (no scroll trap);
        // zoom stays on the buttons, pinch and double-tap.
        scrollWheelZoom: false,
        dragging: !L.Browser.mobile,
        attributionControl: true,
        preferCanvas: false,
    });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution(handle.text.attribution);
    handle.map = map;

    const layer = L.geoJSON(geojson, {
        style: f => styleFor(handle, f.properties.dcode),
        onEachFeature: (feature, lyr) => {
            const dcode = String(feature.properties.dcode);
            handle.featuresByCode[dcode] = lyr;
            lyr.bindTooltip('', { sticky: true, direction: 'top', opacity: 0.95 });
            lyr.on('mouseover', () => {
                lyr.setStyle({ weight: 3, color: '#111' });
                lyr.bringToFront();
            });
            lyr.on('mouseout', () => lyr.setStyle(styleFor(handle, dcode)));
            lyr.on('click', () => {
                // On touch screens there is no hover: a tap shows the tooltip.
                lyr.openTooltip();
                invokeDotNet(options.dotNetRef, options.onClick, dcode);
            });
            // The district code on each path lets tests and styles find a district.
            lyr.on('add', () => {
                const el = lyr.getElement?.();
                if (el) el.setAttribute('data-dcode', dcode);
            });
        },
    }).addTo(map);
    handle.layer = layer;
    handle.bounds = layer.getBounds();

    applyData(handle, data);
    fit(handle);
    // Do not let the user pan Bangkok out of view.
    map.setMaxBounds(handle.bounds.pad(0.5));
    map.setMinZoom(Math.max(0, map.getZoom() - 1));

    // Refit when the container changes size (rotation, sidebar, responsive layout).
    if (typeof ResizeObserver !== 'undefined') {
        let last = `${element.clientWidth}x${element.clientHeight}`;
        handle.resizeObserver = new ResizeObserver(() => {
            const now = `${element.clientWidth}x${element.clientHeight}`;
            if (now !== last && element.clientWidth > 0) {
                last = now;
                fit(handle);
            }
        });
        handle.resizeObserver.observe(element);
    }
    return handle;
}

/** Recolours the districts, tooltips and legend for new data; the polygons stay. */
export function update(handle, data) {
    if (!handle?.map) return;
    applyData(handle, data);
    if (handle.element.classList.contains('saphan-map-narrow')) fit(handle);
}

/** Removes the map and its listeners; safe to call twice. */
export function dispose(handle) {
    if (!handle) return;
    handle.resizeObserver?.disconnect();
    handle.resizeObserver = null;
    if (handle.map) {
        handle.map.remove();
        handle.map = null;
    }
    handle.featuresByCode = {};
    handle.options = {};
}
