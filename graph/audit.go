package graph

import "github.com/newsgraph/newsgraph/db"

// typeOfAuditTarget maps the target types of the audit log to API types.
var typeOfAuditTarget = map[string]string{
	"article": typeArticle, "statement": typeStatement, "figure": typeFigure, "topic": typeTopic,
	db.KindPerson: typePerson, db.KindOrganization: typeOrganization, db.KindPlace: typePlace,
	db.KindEvent: typeEvent, db.KindProject: typeProject, db.KindAgreement: typeAgreement,
}
