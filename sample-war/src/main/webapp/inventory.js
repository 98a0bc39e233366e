// The page's only script: it lists, searches and adds items through the JSON API under api/.
// Every URL is relative, so the WAR works under any context root. Text from the server is set
// with textContent, never as HTML.
"use strict";

const element = (id) => document.getElementById(id);

/** Sends a request and returns the JSON answer; throws an Error with .field on an error answer. */
async function call(url, options = {}) {
  const response = await fetch(url, { ...options, headers: { Accept: "application/json" } });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (notJson) {
    // a server's own error page: reported by its status below
  }
  if (!response.ok) {
    const error = new Error(body && body.error ? body.error
        : `The server answered ${response.status} ${response.statusText}.`);
    error.field = body ? body.field : undefined;
    throw error;
  }
  return body;
}

function show(id, text, isError) {
  const message = element(id);
  message.textContent = text;
  message.classList.toggle("error", isError);
  message.hidden = !text;
}

function render(items, addedId) {
  const rows = items.map((item) => {
    const row = document.createElement("tr");
    if (item.id === addedId) {
      row.className = "added";
    }
    for (const [value, className] of [[item.id, "number"], [item.name, ""], [item.quantity, "number"]]) {
      const cell = row.insertCell();
      cell.textContent = value;
      cell.className = className;
    }
    return row;
  });
  element("items").replaceChildren(...rows);
  element("empty").hidden = items.length > 0;
}

let shown = 0; // the latest list request: an older answer arriving late is dropped

async function refresh(addedId) {
  const request = ++shown;
  const q = element("search").value.trim();
  try {
    const items = await call(q ? `api/items/search?q=${encodeURIComponent(q)}` : "api/items");
    if (request === shown) {
      render(items, addedId);
      show("list-message", "", true);
    }
  } catch (error) {
    show("list-message", error.message, true);
  }
}

async function refreshSummary() {
  try {
    const summary = await call("api/items/summary");
    element("summary").textContent =
        `${summary.items} items, ${summary.units} units in stock (the summary is cached for 30 s)`;
  } catch (error) {
    element("summary").textContent = error.message;
  }
}

async function add(event) {
  event.preventDefault();
  const form = event.target;
  const button = form.querySelector("button");
  form.querySelectorAll("input").forEach((input) => input.removeAttribute("aria-invalid"));
  button.disabled = true;
  try {
    const item = await call("api/items", { method: "POST", body: new URLSearchParams(new FormData(form)) });
    show("add-message", `Added ${item.name} (id ${item.id}).`, false);
    form.reset();
    element("name").focus();
    await Promise.all([refresh(item.id), refreshSummary()]);
  } catch (error) {
    show("add-message", error.message, true);
    const field = error.field && form.elements[error.field];
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.focus();
    }
  } finally {
    button.disabled = false;
  }
}

let typing;

element("add-form").addEventListener("submit", add);
element("search").addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(refresh, 200);
});
refresh();
refreshSummary();
