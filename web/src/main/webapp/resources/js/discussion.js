/*
 * Quoting a passage: when text inside one post's body is selected, that post's "Zitieren" link carries the selected
 * text (parameter "passage"), and the reply quotes only that passage. Without JavaScript, or without a selection,
 * the link quotes the whole post. Loaded as a file: the pages' Content-Security-Policy allows no inline scripts.
 */
(function () {
    'use strict';
    var MAX = 5000;
    var remembered = null;

    function selectionIn(post) {
        var selection = window.getSelection ? window.getSelection() : null;
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
            return '';
        }
        var body = post.querySelector('.post-body');
        if (!body || !body.contains(selection.anchorNode) || !body.contains(selection.focusNode)) {
            return '';
        }
        return selection.toString().trim();
    }

    function quoteLink(target) {
        return target && target.closest ? target.closest('a.quote-link') : null;
    }

    /* A mouse press may clear the selection before the click arrives: remember it first. */
    document.addEventListener('mousedown', function (event) {
        var link = quoteLink(event.target);
        var post = link ? link.closest('article.post') : null;
        remembered = post ? selectionIn(post) : null;
    }, true);

    document.addEventListener('click', function (event) {
        var link = quoteLink(event.target);
        if (!link) {
            return;
        }
        var post = link.closest('article.post');
        var passage = remembered || (post ? selectionIn(post) : '');
        remembered = null;
        if (!passage) {
            return;
        }
        var url = link.getAttribute('href');
        var hash = url.indexOf('#');
        var base = hash < 0 ? url : url.substring(0, hash);
        var fragment = hash < 0 ? '' : url.substring(hash);
        link.setAttribute('href', base.replace(/&passage=[^&]*/, '') + '&passage='
            + encodeURIComponent(passage.substring(0, MAX)) + fragment);
    });
}());

/*
 * Wide tables and long code lines in posts scroll sideways inside the post on small screens; a region that scrolls
 * must be reachable by keyboard, so those that overflow become focusable (and stop being so when they fit again).
 */
(function () {
    'use strict';
    function markScrollable() {
        var regions = document.querySelectorAll('.post-body pre, .post-body table');
        for (var i = 0; i < regions.length; i++) {
            var region = regions[i];
            if (region.scrollWidth > region.clientWidth + 1) {
                region.setAttribute('tabindex', '0');
            } else if (region.getAttribute('tabindex') === '0') {
                region.removeAttribute('tabindex');
            }
        }
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', markScrollable);
    } else {
        markScrollable();
    }
    window.addEventListener('resize', markScrollable);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', markScrollable);
    }
}());
