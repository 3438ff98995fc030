"""Views, one module per idea; thin: parse, call a selector, render."""
