/* SPDX-License-Identifier: MIT */
/*
 * test_passive.c: the "passive" rule, table-driven. Each numbered case is
 * one sentence in the register of an ECQ narrative and the verb group the
 * rule must report, or NULL when it must report nothing. The sentences are
 * written for these tests (not taken from tests/data).
 */
#include "config.h"

#include "testutil.h"

#include "checks/rules.h"
#include "wordlist.h"

struct passive_case {
	const char *name;       /* what the case shows */
	const char *text;
	const char *span;       /* the first finding's text, or NULL: none */
	const char *suggestion; /* substring of its suggestion, or NULL */
};

#define FLAG(name, text, span) { "flags__" name, text, span, NULL }
#define FLAG_S(name, text, span, sugg) { "flags__" name, text, span, sugg }
#define PASS(name, text) { "does_not_flag__" name, text, NULL, NULL }

static const struct passive_case passive_cases[] = {
	/* be-passives in every tense */
	FLAG("simple_past", "The budget was approved in March.", "was approved"),
	FLAG("simple_past_plural", "Twelve new analysts were hired in 2021.", "were hired"),
	FLAG("simple_present", "Claims are processed within ten days.", "are processed"),
	FLAG("simple_present_is", "The dashboard is updated every Monday.", "is updated"),
	FLAG("present_perfect", "The backlog has been eliminated.", "has been eliminated"),
	FLAG("present_perfect_plural", "Three audits have been closed this year.", "have been closed"),
	FLAG("past_perfect", "The contract had been terminated before I arrived.", "had been terminated"),
	FLAG("future", "The new policy will be issued in June.", "will be issued"),
	FLAG("future_perfect", "The system will have been replaced by 2026.", "will have been replaced"),
	FLAG("present_progressive", "The requirements are being revised.", "are being revised"),
	FLAG("past_progressive", "The office was being reorganized when I arrived.", "was being reorganized"),
	FLAG("modal_can", "Most requests can be resolved by phone.", "can be resolved"),
	FLAG("modal_could", "The savings could be reinvested in training.", "could be reinvested"),
	FLAG("modal_must", "Every grant must be reviewed twice.", "must be reviewed"),
	FLAG("modal_should", "The findings should be shared with staff.", "should be shared"),
	FLAG("modal_might", "The deadline might be extended.", "might be extended"),
	FLAG("modal_may", "Waivers may be granted by the director.", "may be granted"),
	FLAG("modal_would", "The funds would be lost at year end.", "would be lost"),
	FLAG("modal_negated", "The claim cannot be paid without a receipt.", "cannot be paid"),
	FLAG("modal_perfect", "The error could have been prevented.", "could have been prevented"),
	FLAG("negation", "The proposal was not funded.", "was not funded"),
	FLAG("contraction_negation", "The report wasn't finished on time.", "wasn't finished"),
	FLAG("never", "The recommendations were never implemented.", "were never implemented"),
	FLAG("adverb_ly", "The plan was quickly adopted.", "was quickly adopted"),
	FLAG("two_adverbs", "The policy was also formally rescinded.", "was also formally rescinded"),
	FLAG("adverb_all", "The staff were all retrained.", "were all retrained"),
	FLAG("parenthetical", "The plan was, after a long debate, approved.", "was, after a long debate, approved"),
	PASS("comma_after_be", "The plan was, in short, a success."),
	FLAG("infinitive", "The migration needs to be completed by May.", "be completed"),
	FLAG("having_been", "Having been selected as lead, I formed a team.", "Having been selected"),
	FLAG("being_gerund", "After being briefed, the director agreed.", "being briefed"),
	FLAG("impersonal_it", "It was decided that the office would close.", "was decided"),
	FLAG("it_is_expected", "It is expected that costs will fall.", "is expected"),
	/* irregular participles */
	FLAG("irregular_written", "The strategic plan was written in 2019.", "was written"),
	FLAG("irregular_taken", "Corrective action was taken immediately.", "was taken"),
	FLAG("irregular_chosen", "Four sites were chosen for the pilot.", "were chosen"),
	FLAG("irregular_built", "A new portal was built for veterans.", "was built"),
	FLAG("irregular_led", "The effort was led by a career deputy.", "was led"),
	FLAG("irregular_held", "Town halls were held in every region.", "were held"),
	FLAG("irregular_given", "I was given authority over 300 staff.", "was given"),
	FLAG("irregular_made", "The decision was made without data.", "was made"),
	FLAG("irregular_sent", "Notices were sent to 4,000 employees.", "were sent"),
	FLAG("irregular_set", "New targets were set for each branch.", "were set"),
	FLAG("irregular_cut", "The travel budget was cut by half.", "was cut"),
	FLAG("irregular_done", "The work was done ahead of schedule.", "was done"),
	FLAG("irregular_found", "Errors were found in 12 percent of files.", "were found"),
	FLAG("irregular_brought", "Outside experts were brought in.", "were brought"),
	FLAG("irregular_sought", "Input was sought from the unions.", "was sought"),
	FLAG("irregular_undertaken", "A full review was undertaken.", "was undertaken"),
	FLAG("irregular_withheld", "Payment was withheld pending review.", "was withheld"),
	FLAG("irregular_overseen", "The transition was overseen by a steering group.", "was overseen"),
	FLAG("irregular_paid", "All invoices were paid within 30 days.", "were paid"),
	FLAG("irregular_met", "Every milestone was met.", "was met"),
	/* get-passives */
	FLAG("get_promoted", "I got promoted to GS-15 in 2018.", "got promoted"),
	FLAG("get_funded", "The proposal finally got funded.", "got funded"),
	FLAG("get_present", "Most tickets get closed within a day.", "get closed"),
	FLAG("getting", "The plan kept getting delayed.", "getting delayed"),
	FLAG("get_modal", "The request will get approved next week.", "will get approved"),
	FLAG("gotten", "The backlog has gotten reduced each month.", "gotten reduced"),
	/* subordinate clauses */
	FLAG("relative_which", "The program, which was funded by Congress, grew.", "was funded"),
	FLAG("relative_that", "The report that was submitted last year had errors.", "was submitted"),
	FLAG("after_clause", "After the merger was announced, morale fell.", "was announced"),
	FLAG("because_clause", "Because the system was hacked, we lost data.", "was hacked"),
	FLAG("when_clause", "When the budget was frozen, I found savings.", "was frozen"),
	FLAG("if_clause", "If the policy were adopted, costs would drop.", "were adopted"),
	FLAG("until_clause", "I waited until the plan was signed.", "was signed"),
	/* the writer acted on */
	FLAG("i_was_asked", "I was asked to lead the task force.", "was asked"),
	FLAG("i_was_tasked", "I was tasked with cutting the backlog.", "was tasked"),
	FLAG("i_was_selected", "I was selected to serve as acting director.", "was selected"),
	FLAG("i_was_named", "I was named Deputy Director in 2020.", "was named"),
	FLAG("i_was_detailed", "I was detailed to the Office of Management and Budget.", "was detailed"),
	FLAG("we_were_told", "We were told to stop the project.", "were told"),
	/* agents */
	FLAG_S("agent_named", "The budget was approved by the board.", "was approved", "Make 'the board' the subject"),
	FLAG_S("agent_me", "The reorganization was designed by me.", "was designed", "Make yourself the subject: 'I designed"),
	FLAG_S("agent_irregular", "The memo was written by my deputy.", "was written", "'My deputy wrote"),
	FLAG_S("no_agent", "The memo was written last week.", "was written", "Say who acted: '[who] wrote ...'"),
	/* the writer is not the actor: no suggestion may have the writer act */
	FLAG_S("not_writer_exposed", "Records were exposed when the server failed.", "were exposed",
	    "Say who acted: '[who] exposed ...'"),
	FLAG_S("not_writer_get", "The proposal finally got funded.", "got funded",
	    "Say who acted: '[who] funded ...'"),
	FLAG_S("not_writer_pronoun", "They were hired on term appointments.", "were hired",
	    "Say who acted: '[who] hired them ...'"),
	FLAG_S("agent_capitalized", "The fraud was uncovered by the Inspector General.", "was uncovered",
	    "Make 'the Inspector General' the subject: 'The Inspector General uncovered ...'"),
	FLAG_S("agent_pronoun", "The plan was rejected by him.", "was rejected",
	    "Make 'him' the subject: 'He rejected ...'"),
	FLAG_S("agent_me_and", "The intake process was built by me and my deputy.", "was built",
	    "Make yourself the subject: 'My deputy and I built ...'"),
	FLAG_S("agent_us", "The plan was written by us.", "was written", "Say who acted: name yourself"),
	FLAG_S("writer_acted_on", "I was tasked with cutting the backlog.", "was tasked",
	    "Lead with what you did: 'I ...'"),
	FLAG_S("writer_acted_on_get", "I got promoted to GS-15 in 2018.", "got promoted",
	    "Lead with what you did: 'I ...'"),
	FLAG_S("agent_with_adverb", "The plan was unanimously endorsed by the council.", "was unanimously endorsed",
	    "Make 'the council' the subject"),
	FLAG_S("not_agent_amount", "Costs were reduced by 30 percent.", "were reduced", "Say who acted"),
	FLAG_S("not_agent_time", "The survey was completed by March.", "was completed", "Say who acted"),
	FLAG_S("not_agent_means", "The forms were submitted by email.", "were submitted", "Say who acted"),
	FLAG("stative_with_agent", "I was involved by the Inspector General in the probe.", "was involved"),
	FLAG("psych_with_agent", "The team was motivated by the new awards.", "was motivated"),
	/* hyphenated and prefixed participles */
	FLAG("hyphen_re", "The process was re-engineered in 2020.", "was re-engineered"),
	FLAG("hyphen_co", "The summit was co-hosted by two agencies.", "was co-hosted"),
	FLAG("un_verb", "The new strategy was unveiled in May.", "was unveiled"),
	FLAG("under_verb", "The risk was underestimated.", "was underestimated"),
	FLAG("used_to_purpose", "The savings were used to hire staff.", "were used"),
	FLAG("lessons_learned", "Many lessons were learned.", "were learned"),
	FLAG("capitalized_start", "Was the plan approved? It was approved.", "Was the plan approved"),
	FLAG("question_inversion", "How was this achieved?", "was this achieved"),
	FLAG("question_pronoun_negation", "Why was I not selected?", "was I not selected"),
	FLAG("negative_inversion", "Not only was the budget cut, but I lost staff.", "was the budget cut"),
	PASS("question_relative_clause", "Was the team I led successful?"),
	PASS("question_stative", "Is the team interested?"),
	PASS("question_noun", "What was the outcome?"),
	FLAG("line_break", "The plan was\napproved in May.", "was\napproved"),
	FLAG("curly_contraction", "The report wasn\xe2\x80\x99t filed.", "wasn\xe2\x80\x99t filed"),
	FLAG("its_contraction", "It's expected to close in May.", "It's expected"),
	FLAG("its_with_agent", "It's funded by the states.", "It's funded"),
	FLAG("well_received", "The plan was well received by staff.", "was well received"),
	FLAG("closed", "The office was closed for two weeks.", "was closed"),
	FLAG("named_role", "She was appointed chief of staff.", "was appointed"),

	/* adjectival and stative uses */
	PASS("responsible", "I was responsible for 40 staff."),
	PASS("interested", "I was interested in the policy."),
	PASS("committed", "I am committed to public service."),
	PASS("located", "The office was located in Denver."),
	PASS("based", "The decision was based on data."),
	PASS("qualified", "I was qualified for the role."),
	PASS("experienced_in", "I am experienced in budget formulation."),
	PASS("concerned", "I was concerned about turnover."),
	PASS("involved", "I was involved in the merger."),
	PASS("dedicated", "The staff were dedicated to the mission."),
	PASS("pleased", "I was very pleased with the outcome."),
	PASS("excited", "I was excited to lead the effort."),
	PASS("determined", "I was determined to succeed."),
	PASS("supposed", "The report was supposed to be short."),
	PASS("composed_of", "The team was composed of 12 analysts."),
	PASS("made_up_of", "The panel was made up of lawyers and analysts."),
	PASS("headquartered", "The bureau is headquartered in Boston."),
	PASS("related", "The delays were related to staffing."),
	PASS("associated", "The costs were associated with travel."),
	PASS("understaffed", "The office was understaffed."),
	PASS("limited", "Resources were limited."),
	PASS("fragmented", "The data was fragmented and outdated."),
	PASS("used_to_noun", "I was used to the pressure."),
	PASS("used_to_gerund", "I was used to working nights."),
	PASS("get_involved", "I got involved in the merger."),
	PASS("get_started", "We got started on the plan in May."),
	PASS("get_rid", "I got rid of the paper forms."),
	PASS("focused", "I was focused on customer service."),
	PASS("degree_very", "The staff were very motivated."),
	PASS("degree_more", "The process became more streamlined and was more automated."),
	PASS("frustrated_by", "I was frustrated by the delays."),
	PASS("by_in_reduced_relative", "I was involved in a project funded by NIH."),
	FLAG_S("coordinated_agent", "The plan was reviewed and approved by the board.", "was reviewed",
	    "Make 'the board' the subject"),
	/* -ed words that are no participles */
	PASS("need_noun", "The need was urgent."),
	PASS("sacred", "The site was sacred to the tribe."),
	PASS("hundred", "The total was a hundred."),
	PASS("indeed", "The change was indeed a success."),
	PASS("instead", "The meeting was instead a workshop."),
	PASS("talented", "The analysts were talented."),
	PASS("unprecedented", "The response was unprecedented."),
	PASS("un_adjective", "The gap was unexpected."),
	PASS("un_irregular", "The cause was unknown."),
	PASS("outdated", "The equipment was outdated."),
	PASS("red", "The dashboard was red for a week."),
	/* active verbs */
	PASS("progressive", "I was leading a team of 12."),
	PASS("past_perfect_active", "I had led the team for five years."),
	PASS("present_perfect_active", "I have written three policies."),
	PASS("simple_past_active", "I approved the budget and hired staff."),
	PASS("past_tense_after_noun", "The board approved my plan."),
	PASS("been_progressive", "I have been working on the plan."),
	PASS("has_contraction", "He's led the team since 2019."),
	PASS("gerund_subject", "Being responsible for payroll, I checked every run."),
	PASS("got_noun", "I got the contract signed."),
	PASS("got_to", "I got to lead the effort."),
	/* be + noun or adjective */
	PASS("be_noun", "The goal was a paperless office."),
	PASS("be_adjective", "The challenge was enormous."),
	PASS("be_number", "Turnover was 18 percent."),
	PASS("be_ing_adjective", "The results were encouraging."),
	PASS("be_preposition", "The files were in the basement."),
	PASS("no_be", "Staff hired in 2020 stayed longer."),
	PASS("reduced_relative", "The report submitted by my team won praise."),
	/* predicate noun phrases */
	PASS("result_predicate", "The result was improved morale."),
	PASS("goal_predicate", "My goal was reduced cost."),
	PASS("there_predicate", "There was increased demand for services."),
	PASS("outcome_predicate", "The outcome was renewed trust between the offices."),
	/* well-formed compounds */
	PASS("compound_adjective", "My approach was data-driven."),
	PASS("well_compound", "The program was well-established."),
	/* held-out half A: "well" + participle is the open form of the compound */
	PASS("well_known_open", "The program was well known in the field."),
	FLAG("well_known_agent", "The program was well regarded by the inspectors.", "was well regarded"),
	/* a learner's bare verb with a personal agent: the clause is passive */
	FLAG_S("bare_verb_by_me", "The new regulation was explain to all the staff by me in the meeting.",
	    "was explain", "I explained"),
	FLAG_S("bare_verb_by_my_deputy", "The files were review by my deputy each week.",
	    "were review", "My deputy reviewed"),
	PASS("adjective_by_deadline", "The report was ready by my deadline."),
	PASS("adjective_by_count", "The office was short by two analysts."),
	/* the subject decides */
	PASS("organized_person", "I am organized and dedicated."),
	PASS("committed_staff", "My staff were committed to the mission."),
	FLAG("committed_funds", "The funds were committed to the project.", "were committed"),
	FLAG("focused_efforts", "Our efforts were focused on hiring.", "were focused"),
	PASS("focused_team", "The team was focused on results."),
	FLAG("determined_cost", "The cost was determined in May.", "was determined"),
	FLAG("retired_systems", "All four legacy systems were retired by September 2023.", "were retired"),
	PASS("retired_person", "He was retired when I arrived."),
	FLAG("organized_event", "The event was organized in 2019.", "was organized"),
	PASS("prepared_person", "I was prepared for the hearing."),
	FLAG("prepared_report", "The report was prepared last week.", "was prepared"),
	PASS("broken_process", "The hiring process was broken."),
	FLAG("broken_agent", "The window was broken by vandals.", "was broken"),
	PASS("stretched_thin", "My staff was stretched thin."),
	PASS("bound_to", "A reorganization was bound to happen."),
	FLAG_S("she_elected", "She was elected chair of the council.", "was elected", "elected her"),
	FLAG_S("i_was_invited", "I was invited to testify.", "was invited", "say who invited you"),
	PASS("result_of_phrase", "The main result of the change was improved morale."),
	FLAG("as_a_result_i", "As a result I was given authority over 40 staff.", "was given"),
	FLAG("been_after_contraction", "I'd been asked to help.", "been asked"),
	FLAG("first_of_two_clauses", "The guidance was issued, and staff were retrained.", "was issued"),
	FLAG("list_of_participles", "Every request is logged, tracked, and closed.", "is logged"),
	FLAG("result_subject_adverb", "The goal was achieved ahead of schedule.", "was achieved"),
	FLAG("result_subject_wide", "The solution was implemented agency-wide.", "was implemented"),
	FLAG("has_since_been", "The budget has since been restored.", "has since been restored"),
	FLAG("honored_with", "I was honored with a Presidential Rank Award.", "was honored"),
	PASS("honored_to", "I was honored to serve."),
	PASS("ahead_of", "The project was ahead of schedule."),
	PASS("divided_on", "The staff was divided on the plan."),
	FLAG("divided_into", "The work was divided into four phases.", "was divided"),
	PASS("able", "I was able to hire 12 staff."),
	PASS("be_to_infinitive", "The plan was to hire 12 staff."),
	PASS("be_prepositional", "The plan was on track and under budget."),
	PASS("empty", ""),
	PASS("punctuation_only", "... ?!"),
};

#define N_CASES (sizeof passive_cases / sizeof passive_cases[0])

static struct wordlists *passive_lists;

static int
passive_setup(void **state)
{
	struct error err;
	char path[4096];

	(void)state;
	snprintf(path, sizeof path, "%s/dictionaries", test_srcdir());
	if (wordlists_load(path, &passive_lists, &err) != 0) {
		fprintf(stderr, "wordlists_load: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int
passive_teardown(void **state)
{
	(void)state;
	wordlists_free(passive_lists);
	return 0;
}

static void
passive_run(void **state)
{
	const struct passive_case *c = *state;
	struct text_doc doc;
	struct findings fs;
	struct rule_env env = { 0 };
	size_t i, n = 0;
	const struct finding *f = NULL;

	text_analyze(c->text, strlen(c->text), &doc);
	findings_init(&fs);
	env.doc = &doc;
	env.lists = passive_lists;
	rule_passive(&env, &fs);
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.items[i].rule, "passive") != 0)
			continue;
		if (f == NULL)
			f = &fs.items[i];
		n++;
	}
	if (c->span == NULL) {
		if (n != 0)
			fail_msg("%s: unexpected passive '%.*s'", c->text, (int)f->length,
			    c->text + f->offset);
	} else {
		if (f == NULL)
			fail_msg("%s: no passive found (expected '%s')", c->text, c->span);
		if (f->length != strlen(c->span) || strncmp(c->text + f->offset, c->span, f->length) != 0)
			fail_msg("%s: found '%.*s', expected '%s'", c->text, (int)f->length,
			    c->text + f->offset, c->span);
		assert_non_null(strstr(f->message, "Passive voice"));
		if (c->suggestion != NULL) {
			assert_non_null(f->suggestion);
			if (strstr(f->suggestion, c->suggestion) == NULL)
				fail_msg("%s: suggestion '%s' lacks '%s'", c->text, f->suggestion,
				    c->suggestion);
		}
	}
	findings_free(&fs);
	text_doc_free(&doc);
}

int
main(void)
{
	static struct CMUnitTest tests[N_CASES];
	static char names[N_CASES][128];
	size_t i;

	for (i = 0; i < N_CASES; i++) {
		snprintf(names[i], sizeof names[i], "passive__%s__%03zu", passive_cases[i].name, i + 1);
		tests[i].name = names[i];
		tests[i].test_func = passive_run;
		tests[i].setup_func = NULL;
		tests[i].teardown_func = NULL;
		tests[i].initial_state = (void *)&passive_cases[i];
	}
	return _cmocka_run_group_tests("passive", tests, N_CASES, passive_setup, passive_teardown);
}
