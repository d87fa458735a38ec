// Autosave of the minutes editor: every 30 s, when something was typed since the last save, the page clicks its
// hidden autosave button (the same save as the visible one; the server refuses it on a conflict and never
// overwrites). Loaded as a file because the page's content security policy allows no inline scripts.
(function () {
    'use strict';
    var dirty = false;
    function form() {
        return document.getElementById('minutesForm');
    }
    document.addEventListener('input', function (event) {
        var f = form();
        if (f && f.contains(event.target)) {
            dirty = true;
        }
    });
    document.addEventListener('change', function (event) {
        var f = form();
        if (f && f.contains(event.target)) {
            dirty = true;
        }
    });
    // Saving or circulating by hand sends what was typed: no timer save may overlap it.
    var leaving = false;
    document.addEventListener('click', function (event) {
        var button = event.target && event.target.closest ? event.target.closest('button, input[type=submit]') : null;
        if (button && (button.id === 'minutesForm:save' || button.id === 'minutesForm:circulate')) {
            dirty = false;
            leaving = true;
            window.setTimeout(function () { leaving = false; }, 10000);
        }
    }, true);
    window.setInterval(function () {
        if (leaving) {
            return;
        }
        var button = document.getElementById('minutesForm:autosave');
        if (dirty && button && !document.querySelector('#minutesForm .conflict')) {
            dirty = false;
            button.click();
        }
    }, 30000);
}());
