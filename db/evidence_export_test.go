package db

import "context"

// A hook for the tests in package db_test.

// EvidenceOf reads the evidence of facts of one kind, with its paragraphs,
// in reading order (article by article).
func (s *Store) EvidenceOf(ctx context.Context, owner EvidenceOwner, ids []int64) (map[int64][]*Evidence, error) {
	keys := make([]EvidenceKey, len(ids))
	for i, id := range ids {
		keys[i] = EvidenceKey{Owner: owner, ID: id}
	}
	found, err := s.EvidenceOfAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*Evidence, len(found))
	for k, list := range found {
		out[k.ID] = list
	}
	return out, nil
}
