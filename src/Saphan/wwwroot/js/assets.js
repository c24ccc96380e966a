// Loads the vendored browser libraries (wwwroot/lib) on demand, once per page, so that a component
// only has to import its own module. URLs are resolved against this file, which keeps them right
// under /_content/Saphan/ whatever the page's base href is. Nothing is fetched from outside the app.

const loaded = new Map();

/** URL of a file under wwwroot/lib, e.g. libUrl('leaflet/leaflet.js'). */
export function libUrl(path) {
    return new URL(`../lib/${path}`, import.meta.url).href;
}

/** Adds a classic <script> once and resolves when it has run; skipped when `globalName` already exists. */
export function loadScript(url, globalName) {
    if (globalName && globalThis[globalName]) return Promise.resolve(globalThis[globalName]);
    if (!loaded.has(url)) {
        loaded.set(url, new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = url;
            script.async = true;
            script.onload = () => resolve(globalName ? globalThis[globalName] : undefined);
            script.onerror = () => {
                loaded.delete(url);
                reject(new Error(`Could not load ${url}`));
            };
            document.head.appendChild(script);
        }));
    }
    return loaded.get(url);
}

/**
 * Adds a stylesheet once. `marker` is a fragment of the href that shows the page already links it
 * (App.razor may link a fingerprinted copy, e.g. leaflet.<hash>.css), in which case nothing is added.
 */
export function loadCss(url, marker) {
    const existing = [...document.querySelectorAll('link[rel="stylesheet"]')]
        .some(l => l.href === url || (marker && l.getAttribute('href')?.includes(marker)));
    if (existing) return Promise.resolve();
    if (!loaded.has(url)) {
        loaded.set(url, new Promise(resolve => {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = url;
            // A missing stylesheet degrades the look but must not stop the map from drawing.
            link.onload = link.onerror = () => resolve();
            document.head.appendChild(link);
        }));
    }
    return loaded.get(url);
}

/**
 * Waits until the Sarabun faces a canvas will use are loaded. Canvas text is drawn once, with
 * whatever font is ready, so without this the chart keeps a fallback font. The Thai and Latin faces
 * are separate files (unicode-range), hence one probe character each. Gives up after `timeoutMs`
 * and draws with the fallback rather than never drawing.
 */
export async function fontsReady(family = 'Sarabun', weights = ['400', '600'], timeoutMs = 3000) {
    if (!document.fonts?.load) return;
    const loads = weights.flatMap(w => [
        document.fonts.load(`${w} 16px ${family}`, 'ก'),
        document.fonts.load(`${w} 16px ${family}`, 'A'),
    ]);
    await Promise.race([
        Promise.allSettled(loads),
        new Promise(resolve => setTimeout(resolve, timeoutMs)),
    ]);
}

/** Number formatter for the UI culture the page passes (e.g. "th-TH", "en"), falling back to th-TH. */
export function numberFormat(locale, options) {
    try {
        return new Intl.NumberFormat(locale || 'th-TH', options);
    } catch {
        return new Intl.NumberFormat('th-TH', options);
    }
}

export function isThai(locale) {
    return !locale || locale.toLowerCase().startsWith('th');
}

/** Calls back into .NET; a closed circuit (page left) is not an error worth surfacing. */
export function invokeDotNet(dotNetRef, method, ...args) {
    if (!dotNetRef || !method) return;
    try {
        const pending = dotNetRef.invokeMethodAsync(method, ...args);
        pending?.catch?.(e => console.debug('Saphan: .NET callback failed', e));
    } catch (e) {
        console.debug('Saphan: .NET callback failed', e);
    }
}
