/*
 * rules.c — the rule catalogue of covenant check as a table: one function
 * per rule of data/rules.txt, registered with the hook it runs at (each
 * sentence of the walk, or after the walk), as SQLite's FuncDef or redis's
 * command table.  The walk (tokens, sentences, provisions, limitation
 * clauses) is check.c's; a rule reads what it found (check_int.h) and adds
 * findings.  Severities and messages are data/rules.txt's, what each
 * article allows data/standards/'s, the words data/rights/<lang>.txt's.
 */
#include "check_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SENTENCE_RULE(fn) \
	static void fn(ctx *c, const cov_node *node, const char *article, const sentence *s, rightset own_rights)
#define UNUSED_ARGS ((void)node, (void)article, (void)own_rights)

/* Is there a finding of `rule` on sentence s? */
static bool finding_at(const ctx *c, const char *rule, const sentence *s)
{
	for (size_t i = 0; i < c->rev->n_findings; i++)
		if (c->rev->findings[i].start == s->start && c->rev->findings[i].end == s->end &&
		    strcmp(c->rev->findings[i].rule, rule) == 0)
			return true;
	return false;
}

/* ---- rules on each sentence ---- */

/* holder.citizens-only reads each sentence for a clause giving foreigners
 * the rights of citizens (its finding is made after the walk). */
SENTENCE_RULE(holders_aliens)
{
	UNUSED_ARGS;
	/* foreigners given the rights of citizens: a sentence naming them, then
	 * the same rights, then citizens or nationals; the sentences of its
	 * article say on what terms */
	size_t al = ck_find(c, C_ALIENS, s, 0);
	size_t same = al != SIZE_MAX ? ck_find(c, C_SAME_RIGHTS, s, c->m[al].last + 1) : SIZE_MAX;
	if (!c->alien.article && same != SIZE_MAX && ck_find(c, C_CITIZENS_LIKE, s, c->m[same].first) != SIZE_MAX)
		c->alien.article = article;
	if (c->alien.article && strcmp(c->alien.article, article) == 0) {
		bool except = ck_has(c, C_ALIEN_EXCEPT, s);
		/* "unless otherwise stipulated by the Constitution", "the rights
		 * reserved constitutionally to national citizens": the grants to
		 * citizens are the exceptions */
		if (except && ck_has(c, C_OWN_RESERVATION, s))
			c->alien.reserved = true;
		/* "except for the cases envisaged by federal law", "under reserve
		 * of reciprocity", "the law may … nullify the exercise of specific
		 * civil rights by aliens" */
		if (except || ck_has(c, C_ALIEN_CONDITION, s))
			c->alien.conditional = true;
	}
}

SENTENCE_RULE(assembly_prior_authorization)
{
	UNUSED_ARGS;
	size_t i;
	/* assemblies subject to permission (not "without permission"), in a
	 * provision that is itself about assemblies */
	if ((own_rights & ck_rights_in(c, s) & ck_rule_rights(c, "assembly.prior-authorization")) &&
	    (i = ck_find(c, C_AUTHORIZATION, s, 0)) != SIZE_MAX) {
		bool negated = false;
		size_t neg = ck_find(c, C_NEGATION, s, 0);
		for (; neg != SIZE_MAX; neg = ck_find(c, C_NEGATION, s, c->m[neg].first + 1))
			if (c->m[neg].last < c->m[i].first && c->m[i].first - c->m[neg].last <= 10)
				negated = true;
		/* "Licensing … of assembly and association shall not be recognized" */
		for (size_t k = ck_find(c, C_PROHIBITION, s, c->m[i].last + 1); k != SIZE_MAX && !negated;
		     k = ck_find(c, C_PROHIBITION, s, c->m[k].first + 1))
			negated = c->m[k].first > c->m[i].last;
		if (!negated)
			ck_add_finding(c, "assembly.prior-authorization", node, article, RULE_STD, s, c->m[i].first, c->m[i].last, NULL);
	}
}

SENTENCE_RULE(association_foreign_funding_ban)
{
	UNUSED_ARGS;
	size_t fund = ck_find(c, C_FUNDING, s, 0);
	/* a ban on foreign funding of parties is accepted practice (Venice
	 * Commission and OSCE/ODIHR guidelines on political parties); of
	 * trade unions it is a restriction of association beyond art. 22(2) */
	if (fund != SIZE_MAX && ck_has(c, C_FOREIGN, s) && ck_has(c, C_TRADE_UNION, s) && ck_has(c, C_PROHIBITION, s))
		ck_add_finding(c, "association.foreign-funding-ban", node, article, RULE_STD, s, c->m[fund].first,
			       c->m[fund].last, NULL);
}

SENTENCE_RULE(association_funding_disclosure)
{
	UNUSED_ARGS;
	size_t fund = ck_find(c, C_FUNDING, s, 0);
	size_t disc = ck_find(c, C_DISCLOSURE, s, 0);
	if (fund != SIZE_MAX && ck_has(c, C_FOREIGN, s) && ck_has(c, C_NGO, s) && disc != SIZE_MAX)
		ck_add_finding(c, "association.funding-disclosure", node, article, RULE_STD, s, c->m[disc].first,
			       c->m[disc].last, NULL);
}

SENTENCE_RULE(association_membership_ban)
{
	UNUSED_ARGS;
	/* a ban on trade-union membership beyond the armed forces and police
	 * (art. 22(2)); a ban on party membership only for whole professions or
	 * all public servants: judges, prosecutors and the like abstain from
	 * parties for their impartiality, which is widely accepted */
	size_t mem = ck_find(c, C_MEMBERSHIP, s, 0);
	size_t other = ck_find(c, C_GROUP_OTHER, s, 0), pub = ck_find(c, C_GROUP_PUBLIC, s, 0);
	bool union_ban = ck_has(c, C_TRADE_UNION, s);
	size_t who = pub != SIZE_MAX ? pub : union_ban ? other : SIZE_MAX;
	for (size_t k = ck_find(c, C_SOME_OF, s, 0); who != SIZE_MAX && k != SIZE_MAX; k = ck_find(c, C_SOME_OF, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[who].first && c->m[who].first - c->m[k].last <= 2)
			who = SIZE_MAX; /* "the categories of state employees who may not …" */
	if (mem != SIZE_MAX && who != SIZE_MAX && ck_has(c, C_PARTY_UNION, s) && ck_has(c, C_PROHIBITION, s)) {
		/* every group the ban reaches beyond the armed forces and police */
		char groups[1024] = "";
		int gk = pub != SIZE_MAX ? C_GROUP_PUBLIC : C_GROUP_OTHER;
		for (size_t k = ck_find(c, gk, s, 0); k != SIZE_MAX; k = ck_find(c, gk, s, c->m[k].last + 1)) {
			size_t l = strlen(groups);
			snprintf(groups + l, sizeof groups - l, "%s«%s»", l ? ", " : "", ck_span(c, c->m[k].first, c->m[k].last));
		}
		ck_add_finding(c, "association.membership-ban", node, article, RULE_STD, s, c->m[who].first, c->m[who].last,
			    ck_fill(c, union_ban ? "association.membership-ban/unions" : "association.membership-ban/parties",
				 "groups", groups, NULL));
	}
}

SENTENCE_RULE(discrimination_exclusive_definition)
{
	UNUSED_ARGS;
	/* marriage defined ("Marriage is a union of a man and a woman"), not a
	 * de facto union given the effects of marriage */
	size_t mw = ck_find(c, C_MAN_WOMAN, s, 0), mar = ck_find(c, C_MARRIAGE, s, 0);
	if (mw != SIZE_MAX && mar != SIZE_MAX && c->m[mar].first < c->m[mw].first && !ck_has(c, C_DE_FACTO, s))
		ck_add_finding(c, "discrimination.exclusive-definition", node, article, RULE_STD, s, c->m[mw].first, c->m[mw].last,
			    NULL);
}

SENTENCE_RULE(discrimination_grounds_incomplete)
{
	UNUSED_ARGS;
	size_t nd = ck_find(c, C_NONDISCRIMINATION, s, 0);
	size_t ground_words = 0;
	for (size_t k = 0; k < c->n_m; k++)
		ground_words += c->m[k].concept == c->concept[C_GROUND_WORD] && ck_in_sentence(&c->m[k], s);
	/* a clause that lists grounds ("race, sex, language, religion …") */
	/* … that is itself an equality clause: not a cross-reference in
	 * parentheses ("(which relates to discrimination on grounds of …)"), not
	 * an association formed "for the purposes of creating discrimination",
	 * not the rule that restrictions or derogations may not discriminate
	 * (ICCPR art. 4(1) has its own short list), not a list of religious
	 * grounds only (a religious-freedom clause) */
	bool in_parens = false;
	if (nd != SIZE_MAX) {
		const char *t = c->doc->text;
		int depth = 0;
		for (size_t b = s->start; b < c->tokp->v[c->m[nd].first].start; b++)
			depth += t[b] == '(' ? 1 : t[b] == ')' ? -1 : 0;
		in_parens = depth > 0;
	}
	bool of_restrictions = false; /* "The restriction of freedoms … cannot discriminate" */
	for (size_t k = ck_find(c, C_RESTRICT, s, 0); nd != SIZE_MAX && k != SIZE_MAX; k = ck_find(c, C_RESTRICT, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[nd].first && c->m[nd].first - c->m[k].last <= 8)
			of_restrictions = true;
	/* "… protects … the prohibition of discrimination on the ground of …"
	 * names the subject of a competence; it is no norm itself */
	bool norm = false;
	for (size_t k = ck_find(c, C_EQUALITY_CLAUSE, s, 0); nd != SIZE_MAX && k != SIZE_MAX && !norm;
	     k = ck_find(c, C_EQUALITY_CLAUSE, s, c->m[k].first + 1))
		norm = !(c->m[k].last + 2 == c->m[nd].first && strcmp(c->tokp->v[c->m[k].last + 1].fold, "of") == 0);
	/* the grounds follow the words that introduce them ("on grounds of race, …") */
	size_t gl = ck_find(c, C_GROUNDS_LIST, s, 0), listed_after = 0;
	for (size_t k = 0; gl != SIZE_MAX && k < c->n_m; k++)
		listed_after += c->m[k].concept == c->concept[C_GROUND_WORD] && ck_in_sentence(&c->m[k], s) &&
				c->m[k].first > c->m[gl].last;
	if (nd != SIZE_MAX && ground_words >= 3 && listed_after >= 2 && !ck_has(c, C_GROUNDS_EXCLUSIVE, s) &&
	    !in_parens && norm && ck_has(c, C_GROUND_CORE, s) && !of_restrictions &&
	    !ck_has(c, C_EMERGENCY, s)) {
		bool sex = ck_has(c, C_SEX, s), other_status = ck_has(c, C_OTHER_STATUS, s);
		if (sex && other_status)
			c->complete_equality = true;
		if ((!sex || !other_status) && ground_words > c->eq_best_words) {
			c->eq_best_words = ground_words;
			c->eq_best_start = s->start;
		}
		if (!sex || !other_status)
			ck_add_finding(c, "discrimination.grounds-incomplete", node, article, RULE_STD, s, c->m[nd].first,
				    c->m[nd].last,
				    ck_fill(c, !sex && !other_status ? "discrimination.grounds-incomplete/both" :
					 !sex ? "discrimination.grounds-incomplete/sex" : "discrimination.grounds-incomplete/other-status",
					 NULL));
	}
}

SENTENCE_RULE(death_penalty_permitted)
{
	UNUSED_ARGS;
	size_t dp = ck_find(c, C_DEATH, s, 0);
	size_t perm = dp != SIZE_MAX ? ck_find(c, C_DEATH_PERMITTED, s, 0) : SIZE_MAX;
	if (perm == SIZE_MAX)
		return;
	/* confined to crimes against life ("for particularly grave crimes
	 * against life", Russia 20): what art. 6(2) allows a State that is
	 * no party to the Second Optional Protocol (General Comment 36 §35),
	 * a concern, not a breach */
	size_t conf = ck_find(c, C_DEATH_CONFINED, s, 0);
	size_t before = c->rev->n_findings;
	ck_add_finding(c, "death-penalty.permitted", node, article, RULE_STD, s, c->m[dp].first, c->m[perm].last > c->m[dp].last ? c->m[perm].last : c->m[dp].last,
		       conf != SIZE_MAX ? ck_fill(c, "death-penalty.permitted/confined", "crimes", ck_span(c, c->m[conf].first, c->m[conf].last), NULL) : NULL);
	if (conf != SIZE_MAX && c->rev->n_findings > before)
		c->rev->findings[before].severity = COV_SEVERITY_MEDIUM;
}

SENTENCE_RULE(death_penalty_abolished)
{
	UNUSED_ARGS;
	size_t dp = ck_find(c, C_DEATH, s, 0);
	if (dp == SIZE_MAX || !ck_has(c, C_PROHIBITION, s))
		return;
	/* not beside a death penalty confined to crimes against life (that
	 * sentence permits it) */
	bool confined = ck_find(c, C_DEATH_PERMITTED, s, 0) != SIZE_MAX && ck_has(c, C_DEATH_CONFINED, s) &&
			finding_at(c, "death-penalty.permitted", s);
	if (!confined)
		ck_add_finding(c, "death-penalty.abolished", node, article, RULE_STD, s, c->m[dp].first, c->m[dp].last, NULL);
}

SENTENCE_RULE(censorship_prohibited)
{
	UNUSED_ARGS;
	size_t cens = ck_find(c, C_CENSORSHIP, s, 0);
	if (cens != SIZE_MAX && ck_has(c, C_PROHIBITION, s))
		ck_add_finding(c, "censorship.prohibited", node, article, RULE_STD, s, c->m[cens].first, c->m[cens].last, NULL);
}

SENTENCE_RULE(privacy_data_protection)
{
	UNUSED_ARGS;
	size_t pd = ck_find(c, C_PERSONAL_DATA, s, 0);
	if (pd != SIZE_MAX && ck_has(c, C_PROTECTED, s))
		ck_add_finding(c, "privacy.data-protection", node, article, RULE_STD, s, c->m[pd].first, c->m[pd].last, NULL);
}

/* Also notes the list (the rights it names) for the limitation and
 * emergency rules after the walk. */
SENTENCE_RULE(limit_non_restrictable_list)
{
	UNUSED_ARGS;
	size_t nr = ck_find(c, C_NON_RESTRICTABLE, s, 0);
	/* "Even under the circumstances indicated in the first paragraph, the
	 * individual's right to life … can be inviolable except …": what stays
	 * protected in an emergency, whatever exceptions it names */
	size_t even = ck_find(c, C_EVEN_IN_EMERGENCY, s, 0);
	bool even_list = even != SIZE_MAX && (nr == SIZE_MAX || ck_has_exception(c, s));
	if (even_list)
		nr = even;
	if (nr != SIZE_MAX && (even_list || !ck_has_exception(c, s))) {
		ck_add_finding(c, "limit.non-restrictable-list", node, article, RULE_STD, s, c->m[nr].first, c->m[nr].last, NULL);
		if (GROW(c->nonrestr, c->n_nonrestr, c->cap_nonrestr)) {
			/* the list runs to the end of its provision ("… under Articles
			 * 14(1) and (2); 15; 16; …" is one list, not three sentences) */
			sentence list = *s;
			size_t end = cov_tokens_at(c->tokp, node->text_end);
			if (end > list.last + 1)
				list.last = end - 1;
			/* the rights it names, in its points too ("shall not be subject to
			 * any limitation: … 4. freedom of thought and opinion; …") */
			rightset named = 0;
			if (even_list || !ck_has(c, C_EXCEPT, s)) {
				size_t to = cov_tokens_at(c->tokp, cov_node_end(node));
				cov_match *m = NULL;
				size_t nm = 0, cap = 0;
				if (to > s->first && cov_match_range(c->lex, c->tokp, s->first, to, &m, &nm, &cap) == COV_OK)
					for (size_t k = 0; k < nm; k++)
						if (m[k].concept < 512 && c->right_of_concept[m[k].concept])
							named |= (rightset)1 << c->right_of_concept[m[k].concept];
				free(m);
			}
			c->nonrestr[c->n_nonrestr].named = named & ~c->equality;
			c->nonrestr[c->n_nonrestr].article = article;
			c->nonrestr[c->n_nonrestr].s = list;
			c->nonrestr[c->n_nonrestr++].match = c->m[nr].last;
		} else {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
}

/* derogation.non-derogable notes each emergency clause; it is judged after the walk. */
SENTENCE_RULE(derogation_emergency)
{
	UNUSED_ARGS;
	size_t em = ck_find(c, C_EMERGENCY, s, 0);
	/* an emergency clause that may restrict rights in general, or a
	 * non-derogable right by name (Chile's movement and assembly are derogable) */
	rightset nonderog = c->non_derogable;
	if (em != SIZE_MAX && ck_has(c, C_EMERGENCY_POWER, s) && !ck_has(c, C_NON_RESTRICTABLE, s) &&
	    (ck_has(c, C_GENERAL, s) || (ck_rights_in(c, s) & nonderog))) {
		if (GROW(c->emergency, c->n_emergency, c->cap_emergency)) {
			c->emergency[c->n_emergency].node = node;
			c->emergency[c->n_emergency].article = article;
			c->emergency[c->n_emergency].s = *s;
			c->emergency[c->n_emergency++].match = c->m[em].first;
		} else {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
}

/* treaty.no-primacy notes a rule on treaties left to law, and whether
 * any sentence gives treaties primacy; judged after the walk. */
SENTENCE_RULE(treaty_by_law)
{
	UNUSED_ARGS;
	if (ck_has(c, C_TREATY, s)) {
		if (ck_has(c, C_TREATY_PRIMACY, s))
			c->treaty_primacy = true;
		/* a rule on treaties' place in the legal order left to ordinary
		 * law, not a sentence on publishing, ratifying or extraditing */
		size_t dl = ck_find(c, C_DETERMINED_BY_LAW, s, 0);
		if (dl != SIZE_MAX && ck_has(c, C_TREATY_EFFECT, s) && !c->have_treaty_by_law) {
			c->have_treaty_by_law = true;
			c->treaty_by_law.node = node;
			c->treaty_by_law.article = article;
			c->treaty_by_law.s = *s;
			c->treaty_by_law.match = c->m[ck_find(c, C_TREATY, s, 0)].first;
		}
	}
}

/* A ban on propaganda or incitement whose objects reach beyond art. 20(2):
 * its words, the first object, and whether associations are what it bans. */
static bool propaganda_ban(const ctx *c, const sentence *s, size_t *prop_, size_t *bo_, bool *assoc_)
{
	/* a ban on propaganda or incitement whose objects reach beyond art.
	 * 20(2): "social … superiority", the constitutional order, integrity */
	size_t prop = ck_find(c, C_PROPAGANDA, s, 0), bo = ck_find(c, C_BROAD_OBJECT, s, 0);
	/* a ban on associations whose aims are propaganda or incitement ("The
	 * creation and activities of … associations that … incite social
	 * hatred … shall be prohibited") restricts association (art. 22(2)),
	 * not speech; there, tribal or clan hatred is ethnic hatred, whose
	 * organisations ICERD art. 4(b) requires banning */
	size_t ab = ck_find(c, C_ASSOCIATION_BAN, s, 0);
	bool assoc = prop != SIZE_MAX && ab != SIZE_MAX && c->m[ab].first < c->m[prop].first;
	while (assoc && bo != SIZE_MAX) {
		bool ethnic = false;
		for (size_t k = ck_find(c, C_ETHNIC_OBJECT, s, 0); k != SIZE_MAX && !ethnic; k = ck_find(c, C_ETHNIC_OBJECT, s, c->m[k].first + 1))
			ethnic = !(c->m[k].last < c->m[bo].first || c->m[bo].last < c->m[k].first);
		if (!ethnic)
			break;
		bo = ck_find(c, C_BROAD_OBJECT, s, c->m[bo].first + 1);
	}
	*prop_ = prop;
	*bo_ = bo;
	*assoc_ = assoc;
	return prop != SIZE_MAX && bo != SIZE_MAX && ck_has(c, C_PROHIBITION, s);
}

SENTENCE_RULE(association_ban_broad)
{
	UNUSED_ARGS;
	size_t prop, bo;
	bool assoc;
	if (propaganda_ban(c, s, &prop, &bo, &assoc) && assoc)
		ck_add_finding(c, "association.ban-broad", node, article, RULE_STD, s, c->m[bo].first, c->m[bo].last,
			       ck_fill(c, "association.ban-broad", "propaganda", ck_span(c, c->m[prop].first, c->m[prop].last),
				       "object", ck_span(c, c->m[bo].first, c->m[bo].last), NULL));
}

SENTENCE_RULE(expression_propaganda_ban_broad)
{
	UNUSED_ARGS;
	size_t prop, bo;
	bool assoc;
	if (propaganda_ban(c, s, &prop, &bo, &assoc) && !assoc)
		ck_add_finding(c, "expression.propaganda-ban-broad", node, article, RULE_STD, s, c->m[bo].first, c->m[bo].last,
			       ck_fill(c, "expression.propaganda-ban-broad", "propaganda", ck_span(c, c->m[prop].first, c->m[prop].last),
				       "object", ck_span(c, c->m[bo].first, c->m[bo].last), NULL));
}

SENTENCE_RULE(nationality_arbitrary_deprivation)
{
	UNUSED_ARGS;
	/* loss of citizenship allowed on a vague ground ("other serious damage
	 * to the vital interests") */
	size_t loss = ck_find(c, C_CITIZENSHIP_LOSS, s, 0);
	if (loss != SIZE_MAX && ck_has(c, C_ALLOWED, s)) {
		size_t vg = SIZE_MAX;
		for (size_t k = 0; k < c->n_m && vg == SIZE_MAX; k++) {
			const cov_match *m = &c->m[k];
			const char *aim = m->concept < 512 ? c->aim_of_concept[m->concept] : NULL;
			if (ck_in_sentence(m, s) && m->first > c->m[loss].last &&
			    (m->concept == c->concept[C_VAGUE] || (aim && !ck_aim_of_any(c, aim))))
				vg = k;
		}
		if (vg != SIZE_MAX)
			ck_add_finding(c, "nationality.arbitrary-deprivation", node, article, RULE_STD, s, c->m[vg].first, c->m[vg].last,
				    ck_fill(c, "nationality.arbitrary-deprivation", "ground", ck_span(c, c->m[vg].first, c->m[vg].last), NULL));
	}
}

SENTENCE_RULE(elections_prisoners_disenfranchised)
{
	UNUSED_ARGS;
	/* every prisoner denied the vote */
	size_t pr = ck_find(c, C_PRISON, s, 0);
	if (pr != SIZE_MAX && (ck_rights_in(c, s) & ck_rule_rights(c, "elections.prisoners-disenfranchised")) && ck_has(c, C_DENIED, s))
		ck_add_finding(c, "elections.prisoners-disenfranchised", node, article, RULE_STD, s, c->m[pr].first, c->m[pr].last, NULL);
}

SENTENCE_RULE(limit_vague_offence)
{
	UNUSED_ARGS;
	/* conduct made unconstitutional or punishable on a vague ground */
	size_t uc = ck_find(c, C_UNLAWFUL_CONDUCT, s, 0);
	if (uc != SIZE_MAX) {
		size_t vg = SIZE_MAX;
		for (size_t k = 0; k < c->n_m && vg == SIZE_MAX; k++) {
			const cov_match *m = &c->m[k];
			const char *aim = m->concept < 512 ? c->aim_of_concept[m->concept] : NULL;
			if (ck_in_sentence(m, s) && aim && (strcmp(aim, "interethnic-harmony") == 0 || strcmp(aim, "traditional-values") == 0))
				vg = k; /* harmony and values, not the interests of the State a prosecution may be weighed against */
		}
		if (vg != SIZE_MAX)
			ck_add_finding(c, "limit.vague-offence", node, article, RULE_STD, s, c->m[vg].first, c->m[vg].last,
				    ck_fill(c, "limit.vague-offence", "ground", ck_span(c, c->m[vg].first, c->m[vg].last),
					 "words", ck_span(c, c->m[uc].first, c->m[uc].last), NULL));
	}
}

SENTENCE_RULE(nhri_executive_appointment)
{
	UNUSED_ARGS;
	/* the ombudsperson is the subject of the sentence, appointed by the executive */
	size_t om = ck_find(c, C_OMBUDS, s, 0);
	size_t ap = ck_find(c, C_APPOINTED_EXEC, s, 0);
	if (om != SIZE_MAX && ap != SIZE_MAX && c->m[om].first <= s->first + 3 && c->m[ap].first > c->m[om].last &&
	    !ck_has(c, C_WITH_CONSENT, s))
		ck_add_finding(c, "nhri.executive-appointment", node, article, RULE_STD, s, c->m[ap].first, c->m[ap].last, NULL);
}

/* ---- rules after the walk ---- */



/* "freedom of opinion and expression (art. 19), peaceful assembly (art. 21)" */
static const char *rights_names(ctx *c, rightset set)
{
	char buf[1024] = "";
	for (int art = 1; art < COV_MAX_ICCPR; art++)
		if (set & ((rightset)1 << art)) {
			size_t l = strlen(buf);
			char num[16];
			snprintf(num, sizeof num, "%d", art);
			const char *one = ck_fill(c, "right-name", "right", ck_right_name(c, art), "num", num, NULL);
			snprintf(buf + l, sizeof buf - l, "%s%s", l ? ", " : "", one ? one : ck_right_name(c, art));
		}
	const char *p = cov_arena_strndup(&c->rev->arena, buf, strlen(buf));
	return p ? p : "";
}

/* "arts. 19, 21" or "art. 18" */
static const char *art_list(ctx *c, rightset set)
{
	char buf[256] = "";
	int n = 0;
	for (int art = 1; art < COV_MAX_ICCPR; art++)
		if (set & ((rightset)1 << art)) {
			size_t l = strlen(buf);
			snprintf(buf + l, sizeof buf - l, "%s%d", n++ ? ", " : "", art);
		}
	const char *p = cov_arena_printf(&c->rev->arena, "%s %s", n > 1 ? "arts." : "art.", buf);
	return p ? p : "";
}

static int standard_of(const ctx *c, rightset set)
{
	return ck_first_right(set & c->cite_first) ? ck_first_right(set & c->cite_first) : ck_first_right(set);
}

/* The verdict on each sentence that restricts rights: the most serious of
 * its problems names the rule (blanket condition, then an aim not allowed,
 * a vague ground, no necessity test, an open delegation); the message
 * lists every right and aspect.  Once, by the first limit rule to run. */
static void judge_limits(ctx *c)
{
	if (c->limits_judged)
		return;
	c->limits_judged = true;
	rightset gen_nec = c->gen_nec;
	for (size_t i = 0; i < c->n_lims && c->status == COV_OK; i++) {
		limit_cand *l = &c->lims[i];
		l->rule = NULL;
		if (!l->rights || l->necessity_only)
			continue;
		char msg[2048] = "";
		size_t ml = 0;
		rightset bad_all = 0;
		size_t bad_first = SIZE_MAX, bad_last = 0;
		size_t n_bad = 0;
		int seen[32];
		size_t n_seen = 0;
		for (size_t k = 0; k < l->n_grounds; k++) {
			const char *aim = l->aim[k];
			bool dup = false;
			for (size_t j = 0; j < n_seen; j++)
				dup |= seen[j] == l->ground[k];
			if (dup)
				continue;
			seen[n_seen++] = l->ground[k];
			rightset bad = 0;
			for (int art = 1; art < COV_MAX_ICCPR; art++) {
				const cov_std_article *a = cov_rights_article(c->r, art);
				if ((l->rights & ((rightset)1 << art)) && a && !ck_aim_allowed(a, aim))
					bad |= (rightset)1 << art;
			}
			/* "The exercise of these rights may be restricted … in the
			 * interests of national security", after "freedom of thought and
			 * speech": which right it restricts is not said, so an aim one of
			 * them allows is no finding */
			if (l->from_context && bad != l->rights)
				bad = 0;
			if (!bad)
				continue;
			if (bad_first == SIZE_MAX) {
				bad_first = l->gfirst[k];
				bad_last = l->glast[k];
			}
			if (n_bad < 32) {
				l->bad_spans[n_bad][0] = l->gfirst[k];
				l->bad_spans[n_bad++][1] = l->glast[k];
			}
			bad_all |= bad;
			ml += (size_t)snprintf(msg + ml, ml < sizeof msg ? sizeof msg - ml : 0, "%s«%s» (%s) is not among the aims %s %s allow%s",
					       ml ? "; " : "", ck_span(c, l->gfirst[k], l->glast[k]), aim, c->r->standards[0].abbrev,
					       art_list(c, bad), (bad & (bad - 1)) ? "" : "s");
		}
		bool vague = l->n_vague > 0;
		bool no_nec = !l->necessity && l->n_grounds && l->marker != SIZE_MAX && (l->rights & ~gen_nec);
		bool deleg = l->deleg != SIZE_MAX && l->marker != SIZE_MAX && l->n_grounds == 0 && !(l->rights & gen_nec);
		const char *rule;
		size_t tf, tl;
		rightset affected = bad_all ? bad_all : l->rights;
		const char *who = l->general ? "The general limitation clause" : "This clause";
		char head[4096];
		if (l->blanket) {
			rule = "limit.blanket-condition";
			tf = l->cond, tl = l->cond_last;
			snprintf(head, sizeof head, "%s makes %s conditional on broad values, which lets any exercise of it be "
				 "treated as unlawful.", who, rights_names(c, l->rights));
			affected = l->rights;
		} else if (bad_all) {
			rule = "limit.illegitimate-aim";
			tf = bad_first, tl = bad_last;
			snprintf(head, sizeof head, "%s lets %s be restricted for aims the %s does not allow: %s.", who,
				 rights_names(c, bad_all), c->r->standards[0].abbrev, msg);
		} else if (vague) {
			rule = "limit.vague-ground";
			tf = l->vfirst[0], tl = l->vlast[0];
			snprintf(head, sizeof head, "%s restricts %s on a ground so vague («%s») that no one can foresee what a "
				 "law based on it will forbid.", who, rights_names(c, l->rights), ck_span(c, tf, tl));
		} else if (no_nec) {
			rule = "limit.no-necessity";
			tf = l->marker, tl = l->marker_last;
			snprintf(head, sizeof head, "%s restricts %s without requiring that the restriction be necessary and "
				 "proportionate to a legitimate aim (%s %s).", who, rights_names(c, l->rights), c->r->standards[0].abbrev,
				 art_list(c, l->rights));
		} else if (deleg) {
			rule = "limit.open-delegation";
			tf = l->deleg, tl = l->deleg_last;
			snprintf(head, sizeof head, "%s leaves the restriction of %s to ordinary law with no aims or criteria, so the "
				 "Constitution sets no limit on it (%s %s).", who, rights_names(c, l->rights), c->r->standards[0].abbrev,
				 art_list(c, l->rights));
		} else {
			continue;
		}
		char full[8192];
		size_t fl = (size_t)snprintf(full, sizeof full, "%s", head);
		if (l->blanket && bad_all && fl < sizeof full)
			fl += (size_t)snprintf(full + fl, sizeof full - fl, " Aims: %s.", msg);
		for (size_t k = strcmp(rule, "limit.vague-ground") == 0 ? 1 : 0; vague && k < l->n_vague && fl < sizeof full; k++)
			fl += (size_t)snprintf(full + fl, sizeof full - fl, "%s«%s»%s", k == 0 || (k == 1 && strcmp(rule, "limit.vague-ground") == 0) ? " Vague: " : ", ",
					       ck_span(c, l->vfirst[k], l->vlast[k]), k + 1 == l->n_vague ? " — no one can foresee what a law based on it will forbid." : "");
		if (no_nec && strcmp(rule, "limit.no-necessity") != 0 && fl < sizeof full)
			snprintf(full + fl, sizeof full - fl, " It does not require the restriction to be necessary and proportionate.");
		l->rule = rule;
		l->tf = tf;
		l->tl = tl;
		l->standard = standard_of(c, affected);
		l->message = cov_arena_strndup(&c->rev->arena, full, strlen(full));
		l->n_bad = bad_all ? n_bad : 0;
	}
}

/* The findings of `rule` among the verdicts on limitation clauses. */
static void emit_limits(ctx *c, const char *rule)
{
	judge_limits(c);
	for (size_t i = 0; i < c->n_lims && c->status == COV_OK; i++) {
		limit_cand *l = &c->lims[i];
		if (!l->rule || strcmp(l->rule, rule) != 0)
			continue;
		size_t before = c->rev->n_findings;
		ck_add_finding(c, rule, l->node, l->article, l->standard, &l->s, l->tf, l->tl, l->message);
		if (c->rev->n_findings > before && l->n_bad)
			ck_set_grounds(c, &c->rev->findings[before], l->bad_spans, l->n_bad);
	}
}

static void limit_blanket_condition(ctx *c) { emit_limits(c, "limit.blanket-condition"); }
/* Is `aim` one the articles of standard `std` that cover right `art` allow?
 * -1 when none of its judged articles covers the right. */
static int aim_allowed_by(const ctx *c, size_t std, int art, const char *aim)
{
	int out = -1;
	for (size_t k = 0; k < c->r->n_other; k++) {
		const cov_std_article *a = &c->r->other[k];
		if (a->std == std && a->limits == COV_LIMITS_CLOSED && (a->covers & ((rightset)1 << art)))
			out = ck_aim_allowed(a, aim) ? 1 : out < 0 ? 0 : out;
	}
	return out;
}

/* The grounds of each limitation clause re-tested against the articles of
 * the other standards judged (check --standard echr): an article that
 * "covers" a right the clause restricts, whose closed list of aims lacks a
 * ground, draws a finding that cites it ("ECHR art. 11(2)"), one per
 * article.  As for the ICCPR, a clause whose rights are its context's
 * ("The exercise of these rights may be restricted …") draws one only on
 * an aim no article covering any of them allows. */
static void limit_illegitimate_aim_other(ctx *c)
{
	const struct cov_rights_data *r = c->r;
	for (size_t i = 0; c->judge && i < c->n_lims && c->status == COV_OK; i++) {
		const limit_cand *l = &c->lims[i];
		if (!l->rights || l->necessity_only)
			continue;
		for (size_t x = 0; x < r->n_other; x++) {
			const cov_std_article *a = &r->other[x];
			if (!(c->judge & ((uint64_t)1 << a->std)) || a->limits != COV_LIMITS_CLOSED || !(a->covers & l->rights))
				continue;
			char msg[2048] = "";
			size_t ml = 0, spans[32][2], n_bad = 0, n_seen = 0;
			int seen[32];
			for (size_t k = 0; k < l->n_grounds; k++) {
				bool dup = false;
				for (size_t j = 0; j < n_seen; j++)
					dup |= seen[j] == l->ground[k];
				if (dup)
					continue;
				seen[n_seen++] = l->ground[k];
				const char *aim = l->aim[k];
				if (ck_aim_allowed(a, aim))
					continue;
				bool bad = true;
				for (int art = 1; l->from_context && bad && art < COV_MAX_ICCPR; art++)
					if (l->rights & ((rightset)1 << art))
						bad = aim_allowed_by(c, a->std, art, aim) == 0;
				if (!bad || n_bad == 32)
					continue;
				spans[n_bad][0] = l->gfirst[k];
				spans[n_bad++][1] = l->glast[k];
				ml += (size_t)snprintf(msg + ml, ml < sizeof msg ? sizeof msg - ml : 0, "%s«%s» (%s)", ml ? "; " : "",
						       ck_span(c, l->gfirst[k], l->glast[k]), aim);
			}
			if (!n_bad)
				continue;
			const char *m = ck_fill(c, "limit.illegitimate-aim/other", "who",
						l->general ? "The general limitation clause" : "This clause", "right", a->right, "article", a->citation,
						"citation", a->limit_citation, "aims", msg, NULL);
			if (m && *m == 0)
				m = NULL;
			size_t before = c->rev->n_findings;
			ck_add_finding_std(c, "limit.illegitimate-aim", a, l->node, l->article, &l->s, spans[0][0], spans[0][1], m);
			if (c->rev->n_findings > before)
				ck_set_grounds(c, &c->rev->findings[before], spans, n_bad);
		}
	}
}

static void limit_illegitimate_aim(ctx *c)
{
	emit_limits(c, "limit.illegitimate-aim");
	limit_illegitimate_aim_other(c);
}
static void limit_vague_ground(ctx *c) { emit_limits(c, "limit.vague-ground"); }
static void limit_no_necessity(ctx *c) { emit_limits(c, "limit.no-necessity"); }
static void limit_open_delegation(ctx *c) { emit_limits(c, "limit.open-delegation"); }

/* Whom the standard gives the rights: everyone in the territory or
 * jurisdiction, or what an article's "holder-note" says (ICCPR art. 12:
 * movement to everyone lawfully within the territory). */
static const char *holder_due(ctx *c, rightset set)
{
	for (int art = 1; art < COV_MAX_ICCPR; art++) {
		const cov_std_article *a = cov_rights_article(c->r, art);
		if (!(set & ((rightset)1 << art)) || !a)
			continue;
		if (set == ((rightset)1 << art) && a->holder_note)
			return ck_fill(c, "holder.citizens-only/due-note", "note", a->holder_note, NULL);
		if (a->holder_note_short)
			return ck_fill(c, "holder.citizens-only/due-note-short", "note", a->holder_note_short, NULL);
	}
	return ck_fill(c, (set & (set - 1)) ? "holder.citizens-only/due-many" : "holder.citizens-only/due-one", NULL);
}

/* Rights granted to citizens only, unless another sentence gives the same
 * right to everyone ("association to everyone, parties to citizens") or the
 * same article guarantees it to no one in particular.  One finding per
 * article: the citizens' sentences of its paragraphs are one problem
 * (Bhutan 7, Malaysia 10), quoted from the first to the last. */
static void emit_holders(ctx *c)
{
	/* foreigners given the citizens' rights with no exception: a grant to
	 * citizens denies the right to no one */
	if (c->alien.article && !c->alien.conditional && !c->alien.reserved)
		return;
	bool aliens = c->alien.article && !c->alien.reserved;
	for (size_t i = 0; i < c->n_holders; i++) {
		holder_cand *h = &c->holders[i];
		bool done = false;
		for (size_t k = 0; k < i && !done; k++)
			done = strcmp(c->holders[k].article, h->article) == 0;
		if (done)
			continue; /* merged into the article's first */
		rightset set = 0;
		bool information = true;
		sentence q = h->s;
		const cov_node *node = h->node;
		for (size_t k = i; k < c->n_holders; k++) {
			const holder_cand *o = &c->holders[k];
			if (strcmp(o->article, h->article) != 0)
				continue;
			rightset own = o->rights & ~c->granted_everyone & ~ck_article_open(c, o->article);
			if (!own)
				continue;
			if (!set) {
				q = o->s;
				node = o->node;
				h = &c->holders[k];
			}
			set |= own;
			information &= o->information || !(own & ((rightset)1 << 19));
			if (o->s.end > q.end) {
				q.end = o->s.end;
				q.last = o->s.last;
			}
		}
		if (!set)
			continue;
		/* the right to information alone (art. 19(2) as General Comment 34
		 * §18 reads it), not freedom of expression */
		information = information && set == ((rightset)1 << 19) && !aliens;
		const char *key = information ? "holder.citizens-only/information"
				  : (set & (set - 1)) ? (aliens ? "holder.citizens-only/many-aliens" : "holder.citizens-only/many")
						      : (aliens ? "holder.citizens-only/one-aliens" : "holder.citizens-only/one");
		char *msg = (char *)ck_fill(c, key, "rights", rights_names(c, set), "holder", ck_span(c, h->first, h->last),
					 "due", holder_due(c, set), "alien", aliens ? c->alien.article : "", NULL);
		if (msg && *msg >= 'a' && *msg <= 'z')
			*msg = (char)(*msg - 'a' + 'A'); /* a sentence: "Peaceful assembly (art. 21) is …" */
		size_t before = c->rev->n_findings;
		ck_add_finding(c, "holder.citizens-only", node, h->article, standard_of(c, set), &q, h->first, h->last, msg);
		/* the text gives the right to foreigners too, unless a law says
		 * otherwise: a law may still deny it, the text does not; access to
		 * information alone is a narrower part of art. 19 */
		if ((aliens || information) && c->rev->n_findings > before)
			c->rev->findings[before].severity = COV_SEVERITY_MEDIUM;
	}
}

/* The article whose heading begins with `word` (case folded), depth first. */
static const cov_node *article_headed(const ctx *c, const cov_node *n, const char *word, size_t len)
{
	for (const cov_node *k = n->first; k; k = k->next) {
		if (k->kind == c->doc->primary && k->num && k->heading) {
			/* the heading case-folded as the words are («Достоинство
			 * личности», "Dignity and inviolability") */
			char h[256];
			int hl = cov_utf8_fold(k->heading, strnlen(k->heading, 120), h, sizeof h);
			unsigned char next = hl >= 0 && (size_t)hl > len ? (unsigned char)h[len] : 0;
			if (hl >= 0 && (size_t)hl >= len && memcmp(h, word, len) == 0 &&
			    !((next | 0x20) >= 'a' && (next | 0x20) <= 'z') && next < 0x80)
				return k;
		}
		const cov_node *d = article_headed(c, k, word, len);
		if (d)
			return d;
	}
	return NULL;
}

/* "There shall be no limitations imposed on the rights to: life, …; dignity
 * and respect of a person; …": an item of the list that opens as an
 * article's heading ("Article 28. Dignity and inviolability of persona")
 * puts that article's rights (the torture ban in it) out of reach. */
static rightset headed_rights(ctx *c, const sentence *list, size_t n)
{
	static const char *const skip[] = {"right", "rights", "freedom", "freedoms", "the", "and", "of", "to", "there",
					   "shall", "be", "no", "limitations", "imposed", "on", "a",
					   "право", "права", "прав", "свобода", "свободы", "свобод", "на", "не", "ограничение",
					   "ограничения", "допускается", "может", "быть"};
	const char *t = c->doc->text;
	rightset out = 0;
	for (size_t i = 0; i < n; i++) {
		bool item_start = true;
		for (size_t k = list[i].first; k <= list[i].last; k++) {
			if (k > list[i].first) {
				size_t a = c->tokp->v[k - 1].end, b = c->tokp->v[k].start;
				if (memchr(t + a, ';', b - a) || memchr(t + a, ':', b - a) || memchr(t + a, ',', b - a))
					item_start = true;
			}
			const cov_token *tk = &c->tokp->v[k];
			bool stop = tk->fold_len < 4 || ck_is_number(tk->fold);
			for (size_t s = 0; s < sizeof skip / sizeof *skip && !stop; s++)
				stop = strcmp(tk->fold, skip[s]) == 0;
			if (!item_start || stop)
				continue;
			item_start = false;
			const cov_node *art = article_headed(c, c->doc->root, tk->fold, tk->fold_len);
			size_t slot = art && c->n_art_slots ? c->art_slots[ck_art_slot(c, art->num)] : 0;
			if (slot)
				out |= c->arts[slot - 1].rights;
		}
	}
	return out;
}

/* The emergency clauses: the non-derogable rights must be out of reach. */
static void derogation_non_derogable(ctx *c)
{
	sentence *lists = malloc((c->n_nonrestr + 1) * sizeof *lists);
	if (!lists) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	/* emergencies: the non-derogable rights must be out of reach */
	for (size_t i = 0; i < c->n_emergency; i++) {
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= strcmp(c->emergency[k].article, c->emergency[i].article) == 0;
		if (seen)
			continue; /* one finding per emergency article */
		size_t numbers = 0, n_same = 0;
		for (size_t k = 0; k < c->n_nonrestr; k++)
			if (strcmp(c->nonrestr[k].article, c->emergency[i].article) == 0)
				lists[n_same++] = c->nonrestr[k].s;
		/* Kenya lists the rights that may never be limited in another article */
		if (!n_same)
			for (size_t k = 0; k < c->n_nonrestr; k++)
				lists[n_same++] = c->nonrestr[k].s;
		bool listed = n_same > 0;
		rightset protected_ = ck_listed_rights(c, lists, n_same, &numbers) | headed_rights(c, lists, n_same);
		for (size_t k = 0; k < c->n_nonrestr; k++)
			protected_ |= c->nonrestr[k].named;
		numbers += protected_ != 0;
		rightset nonderogable = c->non_derogable;
		if (listed && (!numbers || !(protected_ & nonderogable)))
			continue; /* a list we cannot read (a table of sections): give it the benefit of the doubt */
		/* "the rights … specified in Articles 22, 24, 25 … may be temporarily
		 * limited": the clause lists what may be suspended */
		size_t em_numbers = 0;
		rightset suspendable = ck_listed_rights(c, &c->emergency[i].s, 1, &em_numbers);
		if (em_numbers && !(suspendable & nonderogable))
			continue;
		rightset missing = 0;
		for (int art = 1; art < COV_MAX_ICCPR; art++) {
			const cov_std_article *a = cov_rights_article(c->r, art);
			if (a && a->non_derogable && (c->doc_rights & ((rightset)1 << art)) && !(protected_ & ((rightset)1 << art)))
				missing |= (rightset)1 << art;
		}
		if (em_numbers)
			missing &= suspendable;
		if (missing) {
			ck_add_finding(c, "derogation.non-derogable", c->emergency[i].node, c->emergency[i].article, RULE_STD,
				    &c->emergency[i].s, c->emergency[i].match, c->emergency[i].match,
				    ck_fill(c, listed ? "derogation.non-derogable/listed" : "derogation.non-derogable",
					 "rights", rights_names(c, missing), NULL));
			break; /* the emergency clause once: it is one problem */
		}
	}
	free(lists);
}

static void discrimination_grounds_incomplete_doc(ctx *c)
{
	/* an incomplete list of grounds next to a complete clause elsewhere
	 * (a directive principle beside the bill of rights) is no gap */
	/* and the gaps of a document's guarantee of equality are one problem,
	 * judged on its main clause (the longest list of grounds), not on every
	 * directive principle or fiscal rule that says "without discrimination" */
	{
		size_t k = 0;
		for (size_t i = 0; i < c->rev->n_findings; i++)
			if (strcmp(c->rev->findings[i].rule, "discrimination.grounds-incomplete") != 0 ||
			    (!c->complete_equality && c->rev->findings[i].start == c->eq_best_start))
				c->rev->findings[k++] = c->rev->findings[i];
		c->rev->n_findings = k;
	}
}

static void treaty_no_primacy(ctx *c)
{
	if (c->have_treaty_by_law && !c->treaty_primacy)
		ck_add_finding(c, "treaty.no-primacy", c->treaty_by_law.node, c->treaty_by_law.article, RULE_STD,
			       &c->treaty_by_law.s, c->treaty_by_law.match, c->treaty_by_law.match, NULL);
}

/* ---- the table ---- */

#define DIFF "covenant diff (src/diff/): it compares two versions"

/* Every rule of data/rules.txt, once (tests/test_check.c asserts it), in
 * the order the hooks run.  Findings are sorted at the end (by place,
 * severity, rule), so the order of the rules changes no output; a rule
 * reads only its own state, and the walk's (check_int.h). */
static const cov_rule_def rule_table[] = {
	{"holder.citizens-only", holders_aliens, emit_holders, NULL},
	{"assembly.prior-authorization", assembly_prior_authorization, NULL, NULL},
	{"association.foreign-funding-ban", association_foreign_funding_ban, NULL, NULL},
	{"association.funding-disclosure", association_funding_disclosure, NULL, NULL},
	{"association.membership-ban", association_membership_ban, NULL, NULL},
	{"discrimination.exclusive-definition", discrimination_exclusive_definition, NULL, NULL},
	{"discrimination.grounds-incomplete", discrimination_grounds_incomplete, discrimination_grounds_incomplete_doc, NULL},
	{"death-penalty.permitted", death_penalty_permitted, NULL, NULL},
	{"death-penalty.abolished", death_penalty_abolished, NULL, NULL},
	{"censorship.prohibited", censorship_prohibited, NULL, NULL},
	{"privacy.data-protection", privacy_data_protection, NULL, NULL},
	{"limit.non-restrictable-list", limit_non_restrictable_list, NULL, NULL},
	{"derogation.non-derogable", derogation_emergency, derogation_non_derogable, NULL},
	{"treaty.no-primacy", treaty_by_law, treaty_no_primacy, NULL},
	{"association.ban-broad", association_ban_broad, NULL, NULL},
	{"expression.propaganda-ban-broad", expression_propaganda_ban_broad, NULL, NULL},
	{"nationality.arbitrary-deprivation", nationality_arbitrary_deprivation, NULL, NULL},
	{"elections.prisoners-disenfranchised", elections_prisoners_disenfranchised, NULL, NULL},
	{"limit.vague-offence", limit_vague_offence, NULL, NULL},
	{"nhri.executive-appointment", nhri_executive_appointment, NULL, NULL},
	/* limitation clauses, parsed by the walk (check.c), judged after it */
	{"limit.blanket-condition", NULL, limit_blanket_condition, NULL},
	{"limit.illegitimate-aim", NULL, limit_illegitimate_aim, NULL},
	{"limit.vague-ground", NULL, limit_vague_ground, NULL},
	{"limit.no-necessity", NULL, limit_no_necessity, NULL},
	{"limit.open-delegation", NULL, limit_open_delegation, NULL},
	{"regression.right-removed", NULL, NULL, DIFF},
	{"regression.holder-narrowed", NULL, NULL, DIFF},
	{"regression.grounds-added", NULL, NULL, DIFF},
	{"regression.treaty-primacy-removed", NULL, NULL, DIFF},
	{"improvement.death-penalty-abolished", NULL, NULL, DIFF},
	{"improvement.protection-added", NULL, NULL, DIFF},
};

const cov_rule_def *cov_rule_table(size_t *n)
{
	*n = sizeof rule_table / sizeof *rule_table;
	return rule_table;
}
