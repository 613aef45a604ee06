package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/aggregate"
	"github.com/newsgraph/newsgraph/db/route"
)

// Aggregates count the rows of a root listing that match its filter,
// grouped by one or two dimensions (a statement's topics, its speaker, the
// month its article was published, ...), and summarize figures' values,
// in one statement each. The dimensions and the statements are package
// aggregate's; the store chooses the rows (the listing's filter, or a
// relation's children), runs the statement and reads the groups.

// GroupBy says how to group an aggregate: by which dimensions (one or two,
// the API's names: TOPIC, SPEAKER, ...), how many groups to return (First,
// 1 to MaxPageSize), and whether the largest groups come first (the
// default) or the groups in the order of their values (ByValue: labels and
// periods ascending, missing values last).
type GroupBy struct {
	Dimensions []string
	First      int
	ByValue    bool
}

// Group is one group of an aggregate: the value of each dimension, in the
// order asked for, and how many rows it has. Min, Max and Avg summarize the
// values of the group's figures (SummarizeFigures only; nil when none has
// a value), as exact decimals.
type Group struct {
	Keys          []GroupKey
	Count         int
	Min, Max, Avg *string
}

// GroupKey is the value a dimension takes in a group. Kind and ID name the
// object the value is (ARTICLE, TOPIC, PERSON, ORGANIZATION, PLACE, EVENT,
// PROJECT, AGREEMENT), nil for values that are not objects (a verb, a
// month). Label is the value for people: the object's name, title or label,
// the enum's name (SAID), the month (2025-04) or year (2025); all three are
// nil for the rows the dimension has no value for. Year and Month are set
// for the dimensions that are dates.
type GroupKey struct {
	Kind        *string
	ID          *int64
	Label       *string
	Year, Month *int
}

// newAggregate checks g and returns the aggregate of the rows of from of
// listing (statements, figures or agreements), called name in messages.
func newAggregate(listing, name, from string, g GroupBy, summarize bool) (*aggregate.Query, error) {
	if len(g.Dimensions) < 1 || len(g.Dimensions) > 2 {
		return nil, Errorf(CodeInvalid, "by: give one or two dimensions, not %d", len(g.Dimensions))
	}
	if len(g.Dimensions) == 2 && g.Dimensions[0] == g.Dimensions[1] {
		return nil, Errorf(CodeInvalid, "by: %s is given twice", g.Dimensions[0])
	}
	if g.First < 1 || g.First > MaxPageSize {
		return nil, Errorf(CodeInvalid, "first: must be 1 to %d, got %d", MaxPageSize, g.First)
	}
	a, err := aggregate.New(aggregate.Spec{Listing: listing, Name: name, From: from,
		Dimensions: g.Dimensions, First: g.First, ByValue: g.ByValue, Summarize: summarize})
	if err != nil {
		return nil, Errorf(CodeInvalid, "%v", err)
	}
	return a, nil
}

// collectGroups runs an aggregate's statement, with the arguments of l,
// and returns each parent's groups (see aggregate.Columns).
func collectGroups(ctx context.Context, q route.Reads, a *aggregate.Query, sql string, l *listing) (map[int64][]*Group, error) {
	var out map[int64][]*Group
	err := q.ForValues(l.n > 0).Collect(ctx, sql, []any{l.args}, func(rows pgx.Rows) error {
		out = map[int64][]*Group{}
		var parent int64
		var k [2]GroupKey
		var n int64
		var vmin, vmax, vavg *string
		_, err := pgx.ForEachRow(rows, []any{&parent, &k[0].Kind, &k[0].ID, &k[0].Label, &k[1].Kind, &k[1].ID, &k[1].Label, &n, &vmin, &vmax, &vavg}, func() error {
			grp := &Group{Count: int(n), Min: vmin, Max: vmax, Avg: vavg, Keys: make([]GroupKey, len(a.Dimensions))}
			copy(grp.Keys, k[:])
			for i := range grp.Keys {
				if a.IsDate(i) {
					grp.Keys[i].Year, grp.Keys[i].Month = aggregate.YearMonth(grp.Keys[i].Label)
				}
			}
			out[parent] = append(out[parent], grp)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("aggregate %s: %w", a.Name, err)
	}
	return out, nil
}

// groupRoot groups the rows of listing (whose FROM list is from) that
// match f (nil: all) by g's dimensions; summarize adds the summary of the
// figures' values.
func (s *Store) groupRoot(ctx context.Context, listingName, from string, f Filter, g GroupBy, summarize bool) ([]*Group, error) {
	a, err := newAggregate(listingName, listingName, from, g, summarize)
	if err != nil {
		return nil, err
	}
	l := listing{from: from}
	l.and(filterSQL(&l, f))
	if err := l.check(); err != nil {
		return nil, err
	}
	groups, err := collectGroups(ctx, s.read(ctx), a, a.Root(l.whereSQL()), &l)
	if err != nil {
		return nil, err
	}
	if groups[0] == nil {
		return []*Group{}, nil
	}
	return groups[0], nil
}

// NestedGroups groups the children of each parent of a nested listing
// (those that match args' filter; its order is irrelevant) by g's
// dimensions, in one statement for all the parents: the rows of every
// parent are found once (as the relation's pages find them), then counted
// by parent and group, and each parent's first g.First groups kept. A
// parent with no children has no groups. Relations of statements, figures
// and agreements can be grouped; summarize (figures only) adds the
// summary of the values.
func NestedGroups[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, args NestedArgs, g GroupBy, summarize bool) (map[int64][]*Group, error) {
	name := listingOf[T]()
	key, ok := aggregate.Key(name)
	if !ok {
		return nil, Errorf(CodeInvalid, "%s cannot be grouped", r.name)
	}
	if summarize && name != "figures" {
		return nil, Errorf(CodeInvalid, "only figures can be summarized")
	}
	a, err := newAggregate(name, r.name, r.from, g, summarize)
	if err != nil {
		return nil, err
	}
	l := listing{from: r.from}
	cond := filter(&l, args)
	if err := l.check(); err != nil {
		return nil, err
	}
	if l.args == nil {
		l.args = pgx.NamedArgs{}
	}
	l.args["parents"] = parents
	// list_rows holds each parent with the id of each of its children,
	// found as the relation's pages find them: from its members, or by its
	// condition on par.id, parent by parent.
	var with string
	if r.members != "" {
		with = r.membersWith() + `,
		list_rows(list_parent, rid) AS MATERIALIZED (
			SELECT m.list_parent, ` + key + ` FROM list_members m JOIN ` + r.from + ` ON ` + key + ` = ANY(m.ids) WHERE ` + cond + `),
		`
	} else {
		with = `list_rows(list_parent, rid) AS MATERIALIZED (
			SELECT par.id, x.rid FROM unnest(@parents::bigint[]) AS par(id)
			CROSS JOIN LATERAL (SELECT ` + key + ` AS rid FROM ` + r.from + ` WHERE (` + r.where + `) AND ` + cond + `) x),
		`
	}
	return collectGroups(ctx, s.read(ctx), a, a.Nested(with), &l)
}

// GroupStatements groups the statements that match f (nil: all).
func (s *Store) GroupStatements(ctx context.Context, f *StatementFilter, g GroupBy) ([]*Group, error) {
	return s.groupRoot(ctx, "statements", statementFrom, f, g, false)
}

// GroupFigures groups the figures that match f (nil: all).
func (s *Store) GroupFigures(ctx context.Context, f *FigureFilter, g GroupBy) ([]*Group, error) {
	return s.groupRoot(ctx, "figures", figureFrom, f, g, false)
}

// SummarizeFigures groups the figures that match f (nil: all) and
// summarizes each group's values: the smallest, the largest, the mean.
func (s *Store) SummarizeFigures(ctx context.Context, f *FigureFilter, g GroupBy) ([]*Group, error) {
	return s.groupRoot(ctx, "figures", figureFrom, f, g, true)
}

// GroupAgreements groups the agreements that match f (nil: all).
func (s *Store) GroupAgreements(ctx context.Context, f *AgreementFilter, g GroupBy) ([]*Group, error) {
	return s.groupRoot(ctx, "agreements", agreementFrom, f, g, false)
}
