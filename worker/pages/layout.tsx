import type { Child } from "hono/jsx";

/** The page shell of every public page: no inline script, one stylesheet, one small deferred script. */
export function Layout(props: { title: string; lang: string; children: Child; head?: Child }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/public.css" />
        {props.head}
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/">
            Factline
          </a>
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
