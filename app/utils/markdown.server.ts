import { Marked } from "marked";

// Lessons are authored in the repository (content/), not typed by users; raw HTML in them is still escaped
// so a stray tag cannot break the page.
const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
