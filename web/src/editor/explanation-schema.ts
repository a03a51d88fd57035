/**
 * The node and mark extensions of an explanation: what the editor lets people write, and what the
 * server's renderer (worker/domain/explanation-html.ts) is tested against.
 */
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import Italic from "@tiptap/extension-italic";
// Subpath imports: the package roots also bring task lists, drop and gap cursors and more we do not ship.
import { BulletList } from "@tiptap/extension-list/bullet-list";
import { ListItem } from "@tiptap/extension-list/item";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { Link } from "./link-mark";
import { OrderedList } from "./ordered-list";

/** The explanation's schema, as Tiptap extensions. */
export const explanationExtensions = [Document, Paragraph, Text, Bold, Italic, Link, BulletList, OrderedList, ListItem];
