package document

import (
	"fmt"

	"github.com/newsgraph/newsgraph/db"
)

// A Declaration declares one entity or topic: a *PersonDoc,
// *OrganizationDoc, *PlaceDoc, *EventDoc, *ProjectDoc, *AgreementDoc or
// *TopicDoc, and nothing else (the unexported method closes the set). An
// edit of an entity or topic writes a document that declares just it.
type Declaration interface {
	// Declared returns its kind (db.KindPerson, ..., or "topic") and slug.
	Declared() (kind, slug string)
	// ParentSlug returns the slug of its parent; nil when it has none, or
	// its kind has no parents.
	ParentSlug() *string
	// AddTo appends it to its section of doc with evidence (which a topic,
	// quoted nowhere, ignores) and returns its path there ("people[2]").
	AddTo(doc *Document, evidence EvidenceList) string

	declaration()
}

func (d *PersonDoc) Declared() (kind, slug string)       { return db.KindPerson, d.Slug }
func (d *OrganizationDoc) Declared() (kind, slug string) { return db.KindOrganization, d.Slug }
func (d *PlaceDoc) Declared() (kind, slug string)        { return db.KindPlace, d.Slug }
func (d *EventDoc) Declared() (kind, slug string)        { return db.KindEvent, d.Slug }
func (d *ProjectDoc) Declared() (kind, slug string)      { return db.KindProject, d.Slug }
func (d *AgreementDoc) Declared() (kind, slug string)    { return db.KindAgreement, d.Slug }
func (d *TopicDoc) Declared() (kind, slug string)        { return "topic", d.Slug }

func (d *PersonDoc) ParentSlug() *string       { return nil }
func (d *OrganizationDoc) ParentSlug() *string { return d.Parent }
func (d *PlaceDoc) ParentSlug() *string        { return d.Parent }
func (d *EventDoc) ParentSlug() *string        { return d.Parent }
func (d *ProjectDoc) ParentSlug() *string      { return nil }
func (d *AgreementDoc) ParentSlug() *string    { return d.Parent }
func (d *TopicDoc) ParentSlug() *string        { return d.Parent }

func (d *PersonDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.People, "people", d)
}

func (d *OrganizationDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.Organizations, "organizations", d)
}

func (d *PlaceDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.Places, "places", d)
}

func (d *EventDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.Events, "events", d)
}

func (d *ProjectDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.Projects, "projects", d)
}

func (d *AgreementDoc) AddTo(doc *Document, evidence EvidenceList) string {
	d.Evidence = evidence
	return appendDecl(&doc.Agreements, "agreements", d)
}

func (d *TopicDoc) AddTo(doc *Document, _ EvidenceList) string {
	return appendDecl(&doc.Topics, "topics", d)
}

func (*PersonDoc) declaration()       {}
func (*OrganizationDoc) declaration() {}
func (*PlaceDoc) declaration()        {}
func (*EventDoc) declaration()        {}
func (*ProjectDoc) declaration()      {}
func (*AgreementDoc) declaration()    {}
func (*TopicDoc) declaration()        {}

// appendDecl adds a declaration to its section and returns its path.
func appendDecl[T any](section *[]T, name string, decl *T) string {
	*section = append(*section, *decl)
	return fmt.Sprintf("%s[%d]", name, len(*section)-1)
}
