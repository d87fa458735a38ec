/*
 * Reordering the agenda with the mouse: the items of a sortable agenda become draggable (HTML5 drag and drop); a
 * drop writes the new order of item ids into the form's hidden field and sends the form, which the server checks
 * against the agenda version the page showed. Without JavaScript, and always by keyboard, the "Nach oben" and
 * "Nach unten" buttons do the same. Loaded as a file: the pages' Content-Security-Policy allows no inline scripts.
 */
(function () {
    'use strict';

    function init() {
        var list = document.querySelector('ol.agenda.sortable');
        if (!list) {
            return;
        }
        var form = list.closest('form');
        var order = form ? form.querySelector('input[type=hidden][id$=":order"]') : null;
        var save = form ? form.querySelector('[id$=":saveOrder"]') : null;
        if (!order || !save) {
            return;
        }
        var dragged = null;
        var items = list.querySelectorAll('li.agenda-item');
        Array.prototype.forEach.call(items, function (item) {
            item.setAttribute('draggable', 'true');
            item.addEventListener('dragstart', function (event) {
                dragged = item;
                item.classList.add('dragging');
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.getAttribute('data-item'));
            });
            item.addEventListener('dragend', function () {
                item.classList.remove('dragging');
                dragged = null;
            });
            item.addEventListener('dragover', function (event) {
                if (!dragged || dragged === item) {
                    return;
                }
                event.preventDefault();
                var box = item.getBoundingClientRect();
                var after = event.clientY > box.top + box.height / 2;
                list.insertBefore(dragged, after ? item.nextSibling : item);
            });
        });
        list.addEventListener('drop', function (event) {
            event.preventDefault();
            var ids = Array.prototype.map.call(list.querySelectorAll('li.agenda-item'), function (li) {
                return li.getAttribute('data-item');
            });
            order.value = ids.join(',');
            save.click();
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
