// Optional: a "Copy link" button beside each share link. Everything works without it.
document.querySelectorAll("input[data-copy]").forEach(function (input) {
  input.addEventListener("focus", function () { input.select(); });
  if (!navigator.clipboard) return;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = input.dataset.copy;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(input.value).then(function () { button.textContent = "✓ " + input.dataset.copy; });
  });
  input.parentNode.after(button);
});
