// The studio's structured editor (studio/form.xhtml). After each save the page's problem list carries the
// validator's problems by field as JSON (data-problems); this puts each beside its field and marks the field
// invalid, so the author sees the problem where they type. A link in the problem list moves the keyboard focus
// into the field it names.
(function () {
    'use strict';

    function place() {
        var holder = document.querySelector('[data-problems]');
        if (!holder) {
            return;
        }
        var byField;
        try {
            byField = JSON.parse(holder.getAttribute('data-problems') || '{}');
        } catch (e) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll('.field-problems[data-field]'), function (span) {
            var messages = byField[span.getAttribute('data-field')] || [];
            while (span.firstChild) {
                span.removeChild(span.firstChild);
            }
            messages.forEach(function (m) {
                var item = document.createElement('span');
                item.className = 'field-problem';
                item.textContent = m;
                span.appendChild(item);
            });
            var input = document.querySelector('[aria-describedby="' + span.id + '"]');
            if (input) {
                if (messages.length) {
                    input.setAttribute('aria-invalid', 'true');
                } else {
                    input.removeAttribute('aria-invalid');
                }
            }
        });
    }

    document.addEventListener('click', function (e) {
        var link = e.target.closest ? e.target.closest('a.goto-field') : null;
        if (!link) {
            return;
        }
        var target = document.getElementById(link.getAttribute('href').substring(1));
        var input = target && target.querySelector('input:not([type=hidden]), textarea, select');
        if (input) {
            e.preventDefault();
            target.scrollIntoView({block: 'center'});
            input.focus();
        }
    });

    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', place);
    }
    place();
}());
