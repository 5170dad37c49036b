// Small DOM helpers the panels share.

/** A new `tag` element of `document` holding `text`, with `className` when given. */
export function make(document, tag, text = "", className = "") {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}
