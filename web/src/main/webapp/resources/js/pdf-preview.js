/*
 * The PDF preview of the document page. PDF.js (packed into the WAR under /pdfjs/) draws one page at a time on a
 * canvas in our own page, with a text layer above it so that the text can be read aloud, found and copied.
 *
 * Why not the browser's own viewer: Chromium's viewer runs the JavaScript a PDF carries (an OpenAction's app.alert
 * opens a dialog over the page for everyone who looks at it), also under a Content-Security-Policy sandbox. PDF.js
 * only runs a PDF's scripts through its separate scripting bundle, which is not shipped here; eval for fonts is off
 * (isEvalSupported: false), and the page's policy forbids it anyway. Annotations (links, form fields) are drawn into
 * the picture of the page and never made active: there is no annotation layer. The file itself is only ever served
 * as an attachment; PDF.js reads it with fetch.
 *
 * Loaded as a file (the pages' Content-Security-Policy allows no inline scripts); PDF.js is an ES module and comes in
 * by import(), its worker from our own origin. Without JavaScript, or when the file cannot be shown, the download link
 * remains.
 */
(function () {
    'use strict';

    /** Canvas pixels at most (about 16 million): a poster at a high device pixel ratio must not exhaust memory. */
    var MAX_CANVAS_PIXELS = 16777216;

    function format(pattern, values) {
        return pattern.replace(/\{(\d+)\}/g, function (all, i) {
            return String(values[Number(i)]);
        });
    }

    function start(host) {
        var canvas = host.querySelector('.pdf-canvas');
        var frame = host.querySelector('.pdf-frame');
        var page = host.querySelector('.pdf-page');
        var textLayer = host.querySelector('.pdf-text-layer');
        var toolbar = host.querySelector('.pdf-toolbar');
        var previous = host.querySelector('.pdf-previous');
        var next = host.querySelector('.pdf-next');
        var number = host.querySelector('.pdf-page-number');
        var count = host.querySelector('.pdf-page-count');
        var status = host.querySelector('.pdf-status');
        var failure = host.querySelector('.pdf-failure');
        var loading = host.querySelector('.pdf-loading');
        var pageLabel = host.getAttribute('data-page-label');
        var countLabel = host.getAttribute('data-count-label');

        var pdfjs = null;
        var documentProxy = null;
        var current = 1;
        var renderTask = null;
        var textTask = null;
        var renderedWidth = 0;
        var generation = 0;

        function fail(error) {
            host.setAttribute('data-state', 'failed');
            if (window.console && error) {
                window.console.warn('PDF preview:', error);
            }
            loading.hidden = true;
            toolbar.hidden = true;
            frame.hidden = true;
            failure.hidden = false;
            if (error && error.name === 'PasswordException') {
                failure.querySelector('.pdf-failure-text').textContent = host.getAttribute('data-protected');
            }
        }

        function setDisabled(button, disabled) {
            // aria-disabled instead of disabled: the button keeps the focus of whoever pressed it on the last page.
            button.setAttribute('aria-disabled', disabled ? 'true' : 'false');
        }

        function show(n) {
            if (!documentProxy) {
                return;
            }
            var wanted = Math.min(Math.max(1, n), documentProxy.numPages);
            var mine = ++generation;
            if (renderTask) {
                renderTask.cancel();
            }
            if (textTask) {
                textTask.cancel();
            }
            host.setAttribute('data-state', 'rendering');
            documentProxy.getPage(wanted).then(function (pdfPage) {
                if (mine !== generation) {
                    return null;
                }
                var width = Math.max(1, frame.clientWidth);
                var natural = pdfPage.getViewport({scale: 1});
                var scale = width / natural.width;
                var viewport = pdfPage.getViewport({scale: scale});
                var ratio = window.devicePixelRatio || 1;
                if (viewport.width * viewport.height * ratio * ratio > MAX_CANVAS_PIXELS) {
                    ratio = Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height));
                }
                canvas.width = Math.floor(viewport.width * ratio);
                canvas.height = Math.floor(viewport.height * ratio);
                canvas.style.width = Math.floor(viewport.width) + 'px';
                canvas.style.height = Math.floor(viewport.height) + 'px';
                page.style.width = Math.floor(viewport.width) + 'px';
                page.style.height = Math.floor(viewport.height) + 'px';
                page.style.setProperty('--total-scale-factor', String(scale));
                renderedWidth = width;
                renderTask = pdfPage.render({
                    canvasContext: canvas.getContext('2d'),
                    viewport: viewport,
                    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null
                });
                textLayer.textContent = '';
                textTask = new pdfjs.TextLayer({
                    textContentSource: pdfPage.streamTextContent(),
                    container: textLayer,
                    viewport: viewport
                });
                return Promise.all([renderTask.promise, textTask.render()]).then(function () {
                    if (mine !== generation) {
                        return;
                    }
                    current = wanted;
                    var total = documentProxy.numPages;
                    number.value = String(wanted);
                    setDisabled(previous, wanted <= 1);
                    setDisabled(next, wanted >= total);
                    status.textContent = format(pageLabel, [wanted, total]);
                    host.setAttribute('data-page', String(wanted));
                    host.setAttribute('data-state', 'rendered');
                });
            }).catch(function (error) {
                if (error && error.name === 'RenderingCancelledException') {
                    return;
                }
                if (error && error.name === 'AbortException') {
                    return;
                }
                fail(error);
            });
        }

        previous.addEventListener('click', function () {
            if (previous.getAttribute('aria-disabled') !== 'true') {
                show(current - 1);
            }
        });
        next.addEventListener('click', function () {
            if (next.getAttribute('aria-disabled') !== 'true') {
                show(current + 1);
            }
        });
        function jump() {
            var n = parseInt(number.value, 10);
            if (isNaN(n)) {
                number.value = String(current);
            } else if (n !== current) {
                show(n);
            }
        }
        number.addEventListener('change', jump);
        number.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                jump();
            }
        });
        if (window.ResizeObserver) {
            var pending = null;
            new window.ResizeObserver(function () {
                if (!documentProxy || pending) {
                    return;
                }
                pending = window.setTimeout(function () {
                    pending = null;
                    if (Math.abs(frame.clientWidth - renderedWidth) >= 1) {
                        show(current);
                    }
                }, 150);
            }).observe(frame);
        }

        import(host.getAttribute('data-pdfjs')).then(function (module) {
            pdfjs = module;
            pdfjs.GlobalWorkerOptions.workerSrc = host.getAttribute('data-worker');
            var assets = host.getAttribute('data-assets');
            return pdfjs.getDocument({
                url: host.getAttribute('data-src'),
                isEvalSupported: false,
                enableXfa: false,
                // Fonts, character maps and the JPEG 2000 decoder are fetched by this page and handed to the worker:
                // the worker runs under the strict policy of a static file and fetches nothing itself.
                useWorkerFetch: false,
                standardFontDataUrl: assets + 'standard_fonts/',
                cMapUrl: assets + 'cmaps/',
                cMapPacked: true,
                wasmUrl: assets + 'wasm/'
            }).promise;
        }).then(function (proxy) {
            documentProxy = proxy;
            count.textContent = format(countLabel, [proxy.numPages]);
            number.max = String(proxy.numPages);
            loading.hidden = true;
            toolbar.hidden = false;
            frame.hidden = false;
            show(1);
        }).catch(fail);
    }

    function init() {
        var hosts = document.querySelectorAll('.pdf-preview[data-src]');
        for (var i = 0; i < hosts.length; i++) {
            start(hosts[i]);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
