package graph

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/graph/edit"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// The mutations' skeletons. Turning their input into the curated documents
// is package edit's job; the writing is db/curate's. What is left here is
// the resolvers' share: the request's actor, the payloads, the loaders
// that keep the rows written, and the log.

// begin starts an edit on behalf of the request's API token.
func (r *Resolver) begin(ctx context.Context) (*edit.Edit, error) {
	actor, err := requireActor(ctx)
	if err != nil {
		return nil, err
	}
	return edit.New(r.Store, actor), nil
}

// write is the skeleton every create and update shares. The edit begins
// on behalf of the request's API token; do converts the input and asks the
// store, or returns e.Problems() without asking when the input already has
// some. The store's answer becomes the payload: the row as stored (given to
// the request's loaders, so the payload's fields read it) or user errors,
// their paths under prefix, with the input's clientMutationID. An internal
// error is returned as such, without a payload.
func write[T any](ctx context.Context, r *Resolver, prefix string, clientMutationID *string, do func(e *edit.Edit) (*T, error)) (*model.Payload[T], error) {
	e, err := r.begin(ctx)
	if err != nil {
		return nil, err
	}
	row, err := do(e)
	ok, err := e.Settle(err, prefix)
	if err != nil {
		return nil, err
	}
	p := &model.Payload[T]{UserErrors: e.UserErrors(), ClientMutationID: clientMutationID}
	if ok {
		loaders(ctx).keep(row)
		p.Row = row
	}
	return p, nil
}

// remove is the skeleton every delete shares: it decodes the global ID of
// the item, of type typ, lets del ask the store, and builds the payload.
// del returns what the delete cascaded to.
func (r *Resolver) remove(ctx context.Context, input model.DeleteInput, typ string, del func(actor string, id int64) (curate.Deleted, error)) (*model.DeletePayload, error) {
	e, err := r.begin(ctx)
	if err != nil {
		return nil, err
	}
	var res curate.Deleted
	var ok bool
	if _, id, valid := e.ID("id", input.ID, typ); valid {
		res, err = del(e.Actor, id)
		ok, err = e.Outcome(err, "")
	}
	if err != nil {
		return nil, err
	}
	p := &model.DeletePayload{CascadedIds: []string{}, UserErrors: e.UserErrors(), ClientMutationID: input.ClientMutationID}
	if ok {
		p.DeletedID = &input.ID
		for _, ref := range res.Cascaded {
			if t, isNode := typeOfRef[ref.Kind]; isNode {
				p.CascadedIds = append(p.CascadedIds, encodeID(t, ref.ID))
			}
		}
	}
	return p, nil
}

// typeOfRef maps the kinds of rows a cascade deletes to their API types;
// credits are no nodes of their own.
var typeOfRef = map[string]string{"statement": typeStatement, "figure": typeFigure, "affiliation": typeAffiliation}

// entityEdits is what the create, update and delete mutations of one kind
// of entity need beyond the skeleton they share: curate's kind (its
// declaration D, a *T, and its row R), its API type, and apply, which
// applies the input's given fields (F) to a declaration. The input field
// that holds them, and so the prefix of their user errors' paths, is named
// after the type: "person", "organization", ...
type entityEdits[T any, D declaration[T], R, F any] struct {
	kind  curate.EntityKind[D, R]
	typ   string
	apply func(e *edit.Edit, ctx context.Context, in F, decl D)
	// require, when set, checks what the API asks of a new entity and a
	// document may omit.
	require func(e *edit.Edit, decl D)
}

// declaration is a declaration of a curated document that is a *T.
type declaration[T any] interface {
	*T
	document.Declaration
}

// entityMutations returns the mutations of the entities of kind k, of API
// type typ, whose given fields apply applies to a declaration.
func entityMutations[T any, D declaration[T], R, F any](k curate.EntityKind[D, R], typ string, apply func(*edit.Edit, context.Context, F, D)) entityEdits[T, D, R, F] {
	return entityEdits[T, D, R, F]{kind: k, typ: typ, apply: apply}
}

// The mutations of each kind of entity.
var (
	agreementEdits    = entityMutations(curate.Agreements, typeAgreement, (*edit.Edit).Agreement).requiring((*edit.Edit).RequireAgreementKind)
	personEdits       = entityMutations(curate.People, typePerson, (*edit.Edit).Person)
	organizationEdits = entityMutations(curate.Organizations, typeOrganization, (*edit.Edit).Organization)
	placeEdits        = entityMutations(curate.Places, typePlace, (*edit.Edit).Place)
	eventEdits        = entityMutations(curate.Events, typeEvent, (*edit.Edit).Event)
	projectEdits      = entityMutations(curate.Projects, typeProject, (*edit.Edit).Project)
)

// requiring returns m with check as its require.
func (m entityEdits[T, D, R, F]) requiring(check func(e *edit.Edit, decl D)) entityEdits[T, D, R, F] {
	m.require = check
	return m
}

func (m entityEdits[T, D, R, F]) prefix() string { return strings.ToLower(m.typ) }

// create declares a new entity from the given fields in, mentioned as
// mention says (see curate.CreateEntity).
func (m entityEdits[T, D, R, F]) create(ctx context.Context, r *Resolver, in F, mention *model.MentionInput, clientMutationID *string) (*model.Payload[R], error) {
	return write(ctx, r, m.prefix(), clientMutationID, func(e *edit.Edit) (*R, error) {
		decl := D(new(T))
		m.apply(e, ctx, in, decl)
		if m.require != nil {
			m.require(e, decl)
		}
		where := e.Mention(mention)
		if err := e.Problems(); err != nil {
			return nil, err
		}
		row, err := curate.CreateEntity(ctx, r.Store, e.Actor, m.kind, decl, where)
		if err != nil {
			return nil, err
		}
		r.Logger.InfoContext(ctx, "entity created", "request_id", RequestID(ctx), "actor", e.Actor, "id", m.kind.RowID(row))
		return row, nil
	})
}

// update changes the entity with global ID gid, at version, by the given
// fields in (see curate.UpdateEntity).
func (m entityEdits[T, D, R, F]) update(ctx context.Context, r *Resolver, gid string, version int, in F, mention *model.MentionInput, clientMutationID *string) (*model.Payload[R], error) {
	return write(ctx, r, m.prefix(), clientMutationID, func(e *edit.Edit) (*R, error) {
		_, id, _ := e.ID("id", gid, m.typ)
		where := e.Mention(mention)
		if err := e.Problems(); err != nil {
			return nil, err
		}
		return curate.UpdateEntity(ctx, r.Store, e.Actor, m.kind, id, version, func(decl D) error {
			return e.Changed(func() { m.apply(e, ctx, in, decl) })
		}, where)
	})
}

// delete deletes the entity `in` names.
func (m entityEdits[T, D, R, F]) delete(ctx context.Context, r *Resolver, in model.DeleteInput) (*model.DeletePayload, error) {
	return r.remove(ctx, in, m.typ, func(actor string, id int64) (curate.Deleted, error) {
		return curate.DeleteEntity(ctx, r.Store, actor, id, in.Version, cascade(in), input.Kind(m.typ))
	})
}

// cascade reports whether a delete's input asks to delete what depends on
// the item too.
func cascade(in model.DeleteInput) bool { return in.Cascade != nil && *in.Cascade }
