/**
 * The Local Offer's own checks for Wagtail's content checker (Axe).
 *
 * Rules, options and messages are configured in cms/checks.py; this file gives Axe the
 * functions that evaluate them. Each returns true when the element passes.
 *
 * Text the page's editor does not write (other pages' titles in listings, organisation
 * and taxonomy names) is marked `data-checks-skip` in the templates: it passes, and the
 * abbreviation check does not read it.
 */
(() => {
  const userbar = window.wagtail && window.wagtail.userbar;
  if (!userbar || typeof userbar.registerCheck !== 'function') return;

  /** Lower case, words only: "Click here!" and "click  here" read the same. */
  const normalise = (text) =>
    text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[‐‑-]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  const SKIP = '[data-checks-skip]';
  const editorWrote = (node) => !node.closest(SKIP);

  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** An image block's image says what it shows. */
  const hasDescription = (node) => (node.getAttribute('alt') || '').trim() !== '';

  /** A heading is at most one level below the heading before it on the page. */
  const headingFollowsOn = (node, options) => {
    const content = node.closest(options.content) || node.ownerDocument.body;
    const headings = Array.from(content.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    const index = headings.indexOf(node);
    const previous = index > 0 ? Number(headings[index - 1].tagName[1]) : 0;
    return Number(node.tagName[1]) <= previous + 1;
  };

  /** A link's text is more than "click here". */
  const linkSaysWhere = (node, options) => {
    const text = normalise(node.getAttribute('aria-label') || node.textContent || '');
    if (!text) return true; // Axe's link-name rule reports empty links
    return !options.vague.includes(text) && !text.includes('click here');
  };

  /** A summary is short enough for a list of results. */
  const shortEnough = (node, options) => node.textContent.trim().length <= options.max;

  /**
   * The page's text in reading order, with where each text node starts in it.
   * Nodes are joined with a space, so that words in separate elements stay apart.
   */
  const readContent = (content) => {
    const walker = content.ownerDocument.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement && editorWrote(node.parentElement)
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT,
    });
    const pieces = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pieces.push({ node, start: text.length });
      text += `${node.data} `;
    }
    return { text, pieces };
  };

  const contentText = new WeakMap();

  /**
   * Where the first use of an abbreviation is, if it is not explained there: the text
   * block holding it, or null. Explained means an <abbr title> around it, or one of its
   * expansions written out before it or just after it.
   */
  const unexplainedFirstUse = (content, options) => {
    if (!contentText.has(content)) contentText.set(content, readContent(content));
    const { text, pieces } = contentText.get(content);

    const forms = options.forms.map(escapeRegExp).join('|');
    const match = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms})s?(?![\\p{L}\\p{N}])`, 'u').exec(
      text,
    );
    if (!match) return null;

    const piece = pieces.filter(({ start }) => start <= match.index).pop();
    const abbr = piece.node.parentElement && piece.node.parentElement.closest('abbr[title]');
    if (abbr && abbr.title.trim()) return null;

    // Before it, or in the few words after it: "EHCP (Education, Health and Care Plan)".
    const around = normalise(text.slice(0, match.index + match[0].length + 120));
    if (options.expansions.some((expansion) => around.includes(normalise(expansion)))) {
      return null;
    }
    return piece.node.parentElement && piece.node.parentElement.closest(options.textBlocks);
  };

  const abbreviationExplained = (node, options) => {
    const content = node.closest(options.content);
    return !content || unexplainedFirstUse(content, options) !== node;
  };

  const checks = {
    'lo-has-description': hasDescription,
    'lo-heading-follows-on': headingFollowsOn,
    'lo-link-says-where': linkSaysWhere,
    'lo-short-enough': shortEnough,
    'lo-abbreviation-explained': abbreviationExplained,
  };
  Object.entries(checks).forEach(([id, check]) => {
    userbar.registerCheck(id, (node, options) => !editorWrote(node) || check(node, options));
  });
})();
