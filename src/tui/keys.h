/* SPDX-License-Identifier: MIT */
/*
 * keys.h: the coach's keys as named actions. One X-macro list gives the
 * action ids, the keys bound to them, the short labels of the bottom help
 * line and the descriptions of the help screen. Editing keys inside a text
 * field belong to the editor widget (editor.h), not to this table.
 */
#ifndef ECQ_KEYS_H
#define ECQ_KEYS_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

/* Key codes in the table: KC(x) a curses KEY_* code, plain numbers are
 * characters (control characters included). */
#define KEYS_KEYCODE 0x1000000
#define KC(x) ((x) | KEYS_KEYCODE)

/* X(id, global, key1, key2, key name, help-line label, help-screen text).
 * global: handled by the loop on every screen, even inside a text field
 * (function keys and control keys the editor leaves alone); the others go
 * to the screen, which offers them to a focused text field first. A row
 * with no key (key1 0) is a label only: another screen's name for a key
 * an earlier row binds, for its help line and the help screen (the résumé
 * screen's "a Add position" is ACT_ADD there); keys_action() never
 * returns it. */
#define KEYS_ACTIONS(X) \
	X(HELP,       true,  KC(KEY_F(1)), 0, "F1", "Help", "this help screen (also ? outside a text field)") \
	X(DASHBOARD,  true,  KC(KEY_F(2)), 0, "F2", "Dashboard", "the dashboard: every ECQ and the page meter") \
	X(RESUME,     false, KC(KEY_F(3)), 0, "F3", "Résumé", "the résumé: its meter, ECQs, positions and lines (in a text field F3 sets the mark)") \
	X(COMMENTS,   true,  KC(KEY_F(12)), 0, "F12", "Comments", "review comments: the list; in review mode, comment on the selected text") \
	X(REVIEW,     true,  KC(KEY_F(4)), 0, "F4", "Review", "the QRB review checklist") \
	X(EXPORT,     true,  KC(KEY_F(5)), 0, "F5", "Export", "export to PDF, text or Markdown") \
	X(GUIDE,      true,  KC(KEY_F(6)), 0, "F6", "Guided", "guided mode (the plan) on or off") \
	X(HISTORY,    true,  18, KC(KEY_F(11)), "Ctrl-R", "History", "earlier versions of the text being edited (of every text elsewhere), to restore one (also F11)") \
	X(SPELL,      true,  KC(KEY_F(7)), 20, "F7", "Fix", "suggestions for the finding at the cursor (also Ctrl-T)") \
	X(GUIDE_NEXT, true,  14, KC(KEY_F(9)), "Ctrl-N", "Next step", "guided mode: next step (also F9)") \
	X(GUIDE_BACK, true,  16, KC(KEY_F(8)), "Ctrl-P", "Prev step", "guided mode: previous step (also F8)") \
	X(GUIDE_HERE, true,  7, 0, "Ctrl-G", "To step", "guided mode: back to the current step") \
	X(SAVE,       true,  19, 0, "Ctrl-S", "Save", "save now (saving is automatic anyway)") \
	X(REDRAW,     true,  12, 0, "Ctrl-L", "Redraw", "redraw the screen") \
	X(QUIT,       true,  17, KC(KEY_F(10)), "Ctrl-Q", "Quit", "save and quit (also F10)") \
	X(NEXT,       false, '\t', 0, "Tab", "Next", "next field or item") \
	X(PREV,       false, KC(KEY_BTAB), 0, "S-Tab", "Prev", "previous field or item") \
	X(UP,         false, KC(KEY_UP), 0, "Up", "Up", "previous item") \
	X(DOWN,       false, KC(KEY_DOWN), 0, "Down", "Down", "next item") \
	X(LEFT,       false, KC(KEY_LEFT), 0, "Left", "Choose", "previous choice") \
	X(RIGHT,      false, KC(KEY_RIGHT), 0, "Right", "Choose", "next choice") \
	X(ENTER,      false, '\r', KC(KEY_ENTER), "Enter", "Open", "open, choose or jump to the item") \
	X(BACK,       false, 27, 0, "Esc", "Back", "back to the previous screen") \
	X(TOGGLE,     false, ' ', 0, "Space", "Tick", "tick or untick a checkbox") \
	X(ADD,        false, 'a', KC(KEY_IC), "a", "Add example", "ECQ screen: add an example") \
	X(DELETE,     false, 'd', KC(KEY_DC), "d", "Delete", "ECQ screen: delete the example; résumé screen: the position (asks when it holds text; u undoes)") \
	X(UNDELETE,   false, 'u', 26, "u", "Undo delete", "ECQ screen: bring the deleted example back; résumé screen: the deleted position") \
	X(DELETED,    false, 'D', 0, "D", "Deleted", "ECQ screen, dashboard: the deleted examples, to bring one back") \
	X(DISMISSED,  false, 'i', 0, "i", "Dismissed", "review screen: the findings you dismissed, to show one again") \
	X(MOVE_UP,    false, '[', 0, "[", "Move up", "ECQ screen: move the example up; résumé screen: the position") \
	X(MOVE_DOWN,  false, ']', 0, "]", "Move down", "ECQ screen: move the example down; résumé screen: the position") \
	X(COMMENT_REPLY, false, 'r', 0, "r", "Reply", "comments screen: reply to the comment") \
	X(QMARK,      false, '?', 0, "?", "Help", "help (outside a text field)") \
	X(CARDS,      false, 'c', 0, "c", "Cards", "dashboard, ECQ screen: the interview cards (each example told aloud)") \
	X(CARD_DRAFT, false, 'g', 0, "g", "Draft card", "cards screen: draft the card from the example (the text it replaces stays in the history)") \
	X(PACE_UP,    false, '+', 0, "+", "Faster", "cards screen: a speaking pace 10 words a minute faster") \
	X(PACE_DOWN,  false, '-', 0, "-", "Slower", "cards screen: a speaking pace 10 words a minute slower") \
	X(REHEARSE,   false, 'p', 0, "p", "Rehearse", "cards screen: rehearse the card: a question, a timer, a mark") \
	X(TIMER,      false, 't', 0, "t", "Timer", "rehearsal: start or stop the timer") \
	X(SHOW_CARD,  false, 'v', 0, "v", "Show card", "rehearsal: show or hide the card") \
	X(NEXT_QUESTION, false, 'n', 0, "n", "Question", "rehearsal: the next interview question") \
	X(MARK_1,     false, '1', 0, "1", "Poor", "rehearsal, timer stopped: keep the time, marked 1 (it went poorly)") \
	X(MARK_2,     false, '2', 0, "2", "Fair", "rehearsal, timer stopped: keep the time, marked 2 (fair)") \
	X(MARK_3,     false, '3', 0, "3", "Good", "rehearsal, timer stopped: keep the time, marked 3 (it went well)") \
	X(FONT_SIZE,  false, 'f', 0, "f", "Font size", "résumé screen: the next font size (10 to 12 pt)") \
	X(MARGINS,    false, 'm', 0, "m", "Margins", "résumé screen: the next margins (0.5 to 1 inch)") \
	X(ADD_POSITION, false, 0, 0, "a", "Add position", "résumé screen: add a position (a job you held)") \
	X(MOVE_LINE,  false, 0, 0, "Left/Right", "Position", "résumé screen: put the selected résumé line under the previous or next position") \
	X(LINE_DRAFT, false, 0, 0, "g", "Draft line", "résumé screen: draft the example's résumé line from its story (the text it replaces stays in the history)")

enum action {
	ACT_NONE = 0,
#define KEYS_ENUM(id, g, k1, k2, name, label, text) ACT_##id,
	KEYS_ACTIONS(KEYS_ENUM)
#undef KEYS_ENUM
	ACT_COUNT
};

/* The action bound to a key (ch a character, or a KEY_* code when keycode);
 * ACT_NONE when unbound. '\n' counts as Enter. */
enum action keys_action(wint_t ch, bool keycode);
/* True when the loop handles the action on every screen. */
bool keys_global(enum action a);
/* Key name ("Ctrl-Q"), help-line label ("Quit"), help-screen text. */
const char *keys_name(enum action a);
const char *keys_label(enum action a);
const char *keys_text(enum action a);

#endif
