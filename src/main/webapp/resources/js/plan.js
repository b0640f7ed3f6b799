// The cohort plan's steps can be reordered by dragging (the Up and Down buttons do the same from the keyboard).
// A drop fills two hidden fields and presses the form's hidden "drop" button, so the dates typed on the page
// are kept with the move.
(function () {
    'use strict';
    var list = document.getElementById('plan-steps');
    if (!list || list.getAttribute('data-editable') !== 'true') {
        return;
    }
    var dragged = null;
    list.addEventListener('dragstart', function (e) {
        var item = e.target.closest('li.plan-step');
        if (!item) {
            return;
        }
        dragged = item;
        item.classList.add('dragging');
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', item.getAttribute('data-step'));
    });
    list.addEventListener('dragend', function () {
        if (dragged) {
            dragged.classList.remove('dragging');
        }
        Array.prototype.forEach.call(list.querySelectorAll('.drop-target'), function (li) {
            li.classList.remove('drop-target');
        });
    });
    list.addEventListener('dragover', function (e) {
        var over = e.target.closest('li.plan-step');
        if (dragged && over && over !== dragged) {
            e.preventDefault();
            over.classList.add('drop-target');
        }
    });
    list.addEventListener('dragleave', function (e) {
        var over = e.target.closest('li.plan-step');
        if (over) {
            over.classList.remove('drop-target');
        }
    });
    list.addEventListener('drop', function (e) {
        var over = e.target.closest('li.plan-step');
        if (!dragged || !over || over === dragged) {
            return;
        }
        e.preventDefault();
        document.getElementById('dragStep').value = dragged.getAttribute('data-step');
        document.getElementById('dragTo').value = over.getAttribute('data-index');
        document.getElementById('plan:drop').click();
    });
}());
