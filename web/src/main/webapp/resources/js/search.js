/*
 * Suggestions for the search box in the header, as an ARIA 1.2 combobox with a listbox popup: from two letters on,
 * 150 ms after the last key, the titles of groups, documents, threads and meetings the visitor may read are asked
 * from /search/suggestions (with the session's cookie; the REST API only takes tokens). Arrow keys move through the
 * suggestions (the focus stays in the box, aria-activedescendant names the option), Enter follows the chosen one or,
 * with none chosen, sends the form as a full search; Escape closes the list. Without JavaScript the form searches as
 * it is. Loaded as a file: the pages' Content-Security-Policy allows no inline scripts. On the results page it also
 * fetches the marked passages of hits whose words lie beyond the stored start of their text (loadPassages).
 */
(function () {
    'use strict';
    var DEBOUNCE_MS = 150;
    var MIN_LETTERS = 2;

    function init() {
        var form = document.getElementById('siteSearch');
        var input = document.getElementById('siteSearchQuery');
        var list = document.getElementById('siteSearchSuggestions');
        var status = document.getElementById('siteSearchStatus');
        if (!form || !input || !list || !window.fetch) {
            return;
        }
        var address = form.getAttribute('data-suggestions');
        var base = form.getAttribute('data-base') || '';
        var timer = null;
        var asked = 0;
        var pending = null;
        var suggestions = [];
        var active = -1;

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);

        function options() {
            return list.querySelectorAll('[role="option"]');
        }

        function close() {
            list.hidden = true;
            list.textContent = '';
            suggestions = [];
            active = -1;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
        }

        function choose(index) {
            var all = options();
            for (var i = 0; i < all.length; i++) {
                all[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
            }
            active = index;
            if (index >= 0 && all[index]) {
                input.setAttribute('aria-activedescendant', all[index].id);
                if (all[index].scrollIntoView) {
                    all[index].scrollIntoView({block: 'nearest'});
                }
            } else {
                input.removeAttribute('aria-activedescendant');
            }
        }

        function follow(index) {
            var chosen = suggestions[index];
            if (chosen && chosen.link && chosen.link.charAt(0) === '/' && chosen.link.charAt(1) !== '/') {
                close();
                window.location.assign(base + chosen.link);
            }
        }

        function announce(count) {
            var text = count === 0 ? form.getAttribute('data-none')
                : count === 1 ? form.getAttribute('data-one')
                    : (form.getAttribute('data-many') || '').replace('{0}', String(count));
            status.textContent = text || '';
        }

        function show(found) {
            close();
            suggestions = Array.isArray(found) ? found : [];
            suggestions.forEach(function (suggestion, index) {
                var option = document.createElement('li');
                option.id = 'siteSearchSuggestion-' + index;
                option.className = 'search-suggestion';
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                var title = document.createElement('span');
                title.className = 'suggestion-title';
                title.textContent = suggestion.title;
                var meta = document.createElement('span');
                meta.className = 'suggestion-meta';
                meta.textContent = (suggestion.typeLabel || '') + (suggestion.group ? ' · ' + suggestion.group : '');
                option.appendChild(title);
                option.appendChild(meta);
                // Pressing the mouse must not take the focus from the box (which would close the list first).
                option.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                });
                option.addEventListener('click', function () {
                    follow(index);
                });
                list.appendChild(option);
            });
            if (suggestions.length > 0) {
                list.hidden = false;
                input.setAttribute('aria-expanded', 'true');
            }
            announce(suggestions.length);
        }

        function ask(text) {
            var number = ++asked;
            if (pending) {
                pending.abort();
            }
            pending = window.AbortController ? new AbortController() : null;
            window.fetch(address + '?q=' + encodeURIComponent(text), {
                credentials: 'same-origin',
                headers: {'Accept': 'application/json'},
                signal: pending ? pending.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : [];
            }).then(function (found) {
                // Only the answer to the latest question counts; an older one arriving late is dropped.
                if (number === asked && document.activeElement === input) {
                    show(found);
                }
            }).catch(function () {
                // Aborted by a newer question, or offline: no suggestions, and Enter still searches.
                if (number === asked) {
                    close();
                }
            });
        }

        input.addEventListener('input', function () {
            window.clearTimeout(timer);
            var text = input.value.trim();
            if (text.length < MIN_LETTERS) {
                asked++;
                close();
                return;
            }
            timer = window.setTimeout(function () {
                ask(text);
            }, DEBOUNCE_MS);
        });

        input.addEventListener('keydown', function (event) {
            var open = !list.hidden && suggestions.length > 0;
            switch (event.key) {
                case 'ArrowDown':
                    if (open) {
                        event.preventDefault();
                        choose(active + 1 >= suggestions.length ? 0 : active + 1);
                    } else if (input.value.trim().length >= MIN_LETTERS) {
                        event.preventDefault();
                        ask(input.value.trim());
                    }
                    break;
                case 'ArrowUp':
                    if (open) {
                        event.preventDefault();
                        choose(active <= 0 ? suggestions.length - 1 : active - 1);
                    }
                    break;
                case 'Enter':
                    if (open && active >= 0) {
                        event.preventDefault();
                        follow(active);
                    }
                    break;
                case 'Escape':
                    if (open) {
                        event.preventDefault();
                        close();
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener('blur', close);
        form.addEventListener('submit', function () {
            window.clearTimeout(timer);
            asked++;
        });
    }

    /*
     * Hits whose words lie beyond the stored start of a long text show that text's opening at first; their marked
     * passage is asked for here, one hit after the other, so that the page never waits for long texts. The answer is
     * HTML made by the search (the text escaped, only the query's words in <mark>); a hit without one keeps its
     * opening.
     */
    function loadPassages() {
        if (!window.fetch) {
            return;
        }
        var waiting = Array.prototype.slice.call(document.querySelectorAll('[data-passage]'));
        function next() {
            var passage = waiting.shift();
            if (!passage) {
                return;
            }
            fetch(passage.getAttribute('data-passage'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (answer) {
                    if (answer && answer.passage) {
                        passage.innerHTML = answer.passage;
                        passage.setAttribute('data-passage-marked', 'true');
                    }
                })
                .catch(function () {
                    // The opening stays; nothing is lost.
                })
                .then(next);
        }
        next();
    }

    function start() {
        init();
        loadPassages();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
