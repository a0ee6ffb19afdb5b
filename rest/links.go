package rest

import (
	"net/http"

	"github.com/xiber/netos/network"
)

// Subtended links hang under their parent asset in the path; the service
// refuses (404) a link that is not under the parent named.

func (a *API) linkDetail(r *http.Request, id string) (any, int64, error) {
	l, err := a.deps.Network.Link(r.Context(), id)
	if err != nil {
		return nil, 0, err
	}
	return l, l.Version, nil
}

func (a *API) createLink(w http.ResponseWriter, r *http.Request) {
	parent, err := pathID(r, "infrastructure_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	v, err := decodeValues(w, r, network.LinkSchema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	l, err := a.deps.Network.CreateLink(r.Context(), parent, v)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	w.Header().Set("Location", "/api/v1/infrastructure/"+parent+"/subtended-links/"+l.ID)
	writeDetail(w, r, a.linkDetail, l.ID, http.StatusCreated)
}

// linkPath reads both IDs of a link route and If-Match.
func linkPath(w http.ResponseWriter, r *http.Request) (parent, id string, ifVersion *int64, ok bool) {
	parent, err := pathID(r, "infrastructure_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return "", "", nil, false
	}
	id, ifVersion, ok = itemPreconditions(w, r, "link_id")
	return parent, id, ifVersion, ok
}

func (a *API) updateLink(w http.ResponseWriter, r *http.Request) {
	parent, id, ifVersion, ok := linkPath(w, r)
	if !ok {
		return
	}
	v, err := decodeValues(w, r, network.LinkSchema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	if _, err := a.deps.Network.UpdateLink(r.Context(), parent, id, v, ifVersion); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeDetail(w, r, a.linkDetail, id, http.StatusOK)
}

func (a *API) deleteLink(w http.ResponseWriter, r *http.Request) {
	parent, id, ifVersion, ok := linkPath(w, r)
	if !ok {
		return
	}
	if err := a.deps.Network.DeleteLink(r.Context(), parent, id, ifVersion); err != nil {
		WriteError(w, r, err, "path")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
