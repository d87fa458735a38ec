/*
 * Keeps what a person typed into a form until the answer has arrived. When the server no longer knew the page
 * (the session had expired, or the server restarted), it shows the same page again with a notice
 * (#expiredNotice); the values are then put back into the empty fields, so nothing typed is lost. Passwords,
 * hidden and file fields are never kept; the copy lives in this tab's sessionStorage, one per page address, and is
 * removed when that page is shown again (or after an hour), so it survives a detour through the login page.
 */
(function () {
    'use strict';
    var PREFIX = 'zw.formValues:';
    var KEPT_FOR = 3600 * 1000;
    var SKIPPED = ['hidden', 'password', 'file', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio'];

    function keep(form) {
        if (!form || !form.querySelectorAll) {
            return;
        }
        var values = {};
        form.querySelectorAll('input, textarea, select').forEach(function (field) {
            if (field.id && !field.disabled && SKIPPED.indexOf((field.type || '').toLowerCase()) < 0 && field.value) {
                values[field.id] = field.value;
            }
        });
        try {
            sessionStorage.setItem(PREFIX + location.pathname, JSON.stringify({at: Date.now(), values: values}));
        } catch (e) {
            // Storage full or switched off: the form is sent all the same.
        }
    }

    document.addEventListener('submit', function (event) {
        keep(event.target);
    }, true);
    // PrimeFaces sends its forms in the background, without a submit event.
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button, input[type=submit]') : null;
        if (button && button.form) {
            keep(button.form);
        }
    }, true);

    function restore() {
        var saved = null;
        try {
            saved = JSON.parse(sessionStorage.getItem(PREFIX + location.pathname) || 'null');
            sessionStorage.removeItem(PREFIX + location.pathname);
        } catch (e) {
            return;
        }
        if (!saved || !saved.values || Date.now() - saved.at > KEPT_FOR || !document.getElementById('expiredNotice')) {
            return;
        }
        Object.keys(saved.values).forEach(function (id) {
            var field = document.getElementById(id);
            if (field && (field.tagName === 'SELECT' || !field.value)) {
                field.value = saved.values[id];
                field.dispatchEvent(new Event('input', {bubbles: true}));
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', restore);
    } else {
        restore();
    }
})();
