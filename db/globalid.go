package db

import "github.com/newsgraph/newsgraph/db/globalid"

// GlobalID returns the article's global ID in the API.
func (a *Article) GlobalID() string { return globalid.Encode(globalid.Article, a.ID) }

// GlobalID returns the paragraph's global ID in the API.
func (p *Paragraph) GlobalID() string { return globalid.Encode(globalid.Paragraph, p.ID) }

// GlobalID returns the topic's global ID in the API.
func (t *Topic) GlobalID() string { return globalid.Encode(globalid.Topic, t.ID) }

// GlobalID returns the person's global ID in the API.
func (p *Person) GlobalID() string { return globalid.Encode(globalid.Person, p.ID) }

// GlobalID returns the affiliation's global ID in the API.
func (a *Affiliation) GlobalID() string { return globalid.Encode(globalid.Affiliation, a.ID) }

// GlobalID returns the organization's global ID in the API.
func (o *Organization) GlobalID() string { return globalid.Encode(globalid.Organization, o.ID) }

// GlobalID returns the place's global ID in the API.
func (p *Place) GlobalID() string { return globalid.Encode(globalid.Place, p.ID) }

// GlobalID returns the event's global ID in the API.
func (e *Event) GlobalID() string { return globalid.Encode(globalid.Event, e.ID) }

// GlobalID returns the project's global ID in the API.
func (p *Project) GlobalID() string { return globalid.Encode(globalid.Project, p.ID) }

// GlobalID returns the agreement's global ID in the API.
func (a *Agreement) GlobalID() string { return globalid.Encode(globalid.Agreement, a.ID) }

// GlobalID returns the statement's global ID in the API.
func (s *Statement) GlobalID() string { return globalid.Encode(globalid.Statement, s.ID) }

// GlobalID returns the figure's global ID in the API.
func (f *Figure) GlobalID() string { return globalid.Encode(globalid.Figure, f.ID) }
