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

/*
 * Reactions without leaving the page. A post shows the reactions given so far as toggle buttons, and a link
 * "Reagieren" that, without JavaScript, opens the page with all kinds offered in that post. Here the link puts the
 * kinds (from the page's template #reactionKinds) into the post instead. A button is a plain submit button of the
 * posts' form; here the same form is sent in the background with the header X-Reaction, the server answers with
 * the post's reactions, and the post's buttons are drawn again from that answer.
 */
(function () {
    'use strict';
    var busy = false;

    function kinds() {
        var template = document.getElementById('reactionKinds');
        return template ? Array.prototype.slice.call(template.content.querySelectorAll('button.reaction')) : [];
    }

    function container(postId) {
        return document.getElementById('post-' + postId + '-reactions');
    }

    function offer(link) {
        var postId = link.getAttribute('data-post');
        var area = container(postId);
        var first = null;
        kinds().forEach(function (kind) {
            var value = postId + ':' + kind.value;
            var existing = area.querySelector('button.reaction[value="' + value + '"]');
            if (existing) {
                first = first || existing;
                return;
            }
            var button = kind.cloneNode(true);
            button.value = value;
            area.insertBefore(button, link);
            first = first || button;
        });
        link.hidden = true;
        if (first) {
            first.focus();
        }
    }

    /*
     * Draws the post's buttons from the server's answer: a button that stays is updated in place (so that it keeps
     * the focus), a kind given for the first time gets a button, a kind nobody gives any more loses its button.
     */
    function redraw(answer, chosen) {
        var area = container(answer.post);
        if (!area) {
            return;
        }
        var link = area.querySelector('a.react-open');
        var templates = {};
        kinds().forEach(function (kind) { templates[kind.value] = kind; });
        var focus = null;
        answer.reactions.forEach(function (reaction) {
            var button = area.querySelector('button.reaction[value="' + reaction.value + '"]');
            if (reaction.count === 0 && !reaction.pressed) {
                if (button) {
                    button.remove();
                }
                return;
            }
            if (!button) {
                button = templates[reaction.kind] ? templates[reaction.kind].cloneNode(true) : document.createElement('button');
                button.name = 'react';
                button.value = reaction.value;
                area.insertBefore(button, link);
            }
            button.className = 'reaction' + (reaction.pressed ? ' mine' : '');
            button.textContent = reaction.shown;
            button.setAttribute('aria-label', reaction.label);
            button.setAttribute('aria-pressed', reaction.pressed ? 'true' : 'false');
            if (reaction.value === chosen) {
                focus = button;
            }
        });
        if (link) {
            link.hidden = false;
        }
        if (focus) {
            focus.focus();
        } else if (link) {
            link.focus();
        }
    }

    function sendPlainly(button) {
        if (button.form.requestSubmit) {
            button.form.requestSubmit(button);
        } else {
            button.form.submit();
        }
    }

    document.addEventListener('click', function (event) {
        var target = event.target && event.target.closest ? event.target : null;
        var link = target ? target.closest('a.react-open') : null;
        if (link && document.getElementById('reactionKinds')) {
            event.preventDefault();
            offer(link);
            return;
        }
        var button = target ? target.closest('button.reaction') : null;
        if (!button || !button.form || !window.fetch || !window.URLSearchParams) {
            return;
        }
        event.preventDefault();
        if (busy) {
            return;
        }
        busy = true;
        var data = new URLSearchParams(new FormData(button.form));
        data.set('react', button.value);
        window.fetch(button.form.action, {
            method: 'POST', body: data, credentials: 'same-origin',
            headers: {'X-Reaction': '1', 'Accept': 'application/json'}
        }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (!response.ok || type.indexOf('application/json') !== 0) {
                // A refusal or an expired view: the form goes the ordinary way, and the page says what happened.
                sendPlainly(button);
                return null;
            }
            // The reaction is stored; should the answer be unreadable, the page shows the stored state.
            return response.json().catch(function () {
                window.location.reload();
                return null;
            });
        }, function () {
            // Not sent (offline, blocked): the ordinary way.
            sendPlainly(button);
            return null;
        }).then(function (answer) {
            if (answer) {
                redraw(answer, button.value);
            }
        }).finally(function () {
            busy = false;
        });
    });
}());

/*
 * Mention completion asks the server only for words that start with "@": PrimeFaces' text area completion would
 * otherwise send every word of two or more letters to the server while people type.
 */
(function () {
    'use strict';
    var widget = window.PrimeFaces && PrimeFaces.widget ? PrimeFaces.widget.InputTextarea : null;
    if (!widget || !widget.prototype.search) {
        return;
    }
    var search = widget.prototype.search;
    widget.prototype.search = function (query) {
        if (this.jq && this.jq.hasClass('editor-text') && (!query || query.charAt(0) !== '@')) {
            if (this.panel && this.panel.is(':visible') && this.hide) {
                this.hide();
            }
            return;
        }
        return search.apply(this, arguments);
    };
}());

/*
 * Buttons that ask first (a post's "Löschen"): plain submit buttons carry their question in data-confirm-header and
 * data-confirm-message, and PrimeFaces' global confirmation dialog asks it. Its "Ja" removes the attribute
 * data-pfconfirmcommand and clicks the button again, which then sends the form. Without JavaScript the button acts
 * at once.
 */
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var target = event.target && event.target.closest ? event.target : null;
        var button = target ? target.closest('button[data-pfconfirmcommand][data-confirm-message]') : null;
        if (!button || !window.PrimeFaces || !PrimeFaces.confirmDialog) {
            return;
        }
        event.preventDefault();
        PrimeFaces.confirm({
            source: button, type: 'dialog', escape: true,
            header: button.getAttribute('data-confirm-header'), message: button.getAttribute('data-confirm-message')
        });
    });
}());
