/* Roomcheck's rules at the hub, design version 1: the validate_doc_update function of the
 * design document _design/roomcheck in every site database (site-<code>). CouchDB runs it on
 * every write that is not a design or _local document, replicated writes included, for server
 * admins too. ES5 only: CouchDB 3.x may run it on SpiderMonkey 1.8.5 (ESLint checks that).
 *
 * Roles: site:<code> (an inspector of that site), manager (reads every site, publishes
 * countersigned reports), importer (the hub's import station: loads verified air-gap files
 * for any site). A new version of these rules is a new file; this one is never edited.
 *
 * Why completed audits and reports need a pinned revision: a replicated revision that starts a
 * new branch reaches this function with oldDoc = null, so "oldDoc is completed" alone would let
 * a forged sibling 1-fff... in, and it would win. Each immutable document is written once as
 * revision 1-<first 32 hex digits of the SHA-256 in its id>; any other revision is refused, and
 * the same revision again is "already present" and never reaches this function.
 */
(function (newDoc, oldDoc, userCtx, secObj) {
  'use strict';
  var KINDS = [
    'site',
    'room',
    'rack',
    'device',
    'template',
    'finding',
    'audit',
    'report',
    'resolution'
  ];
  var IMMUTABLE = ['audit', 'report'];
  var SITE_CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

  function has(role) {
    return userCtx.roles.indexOf(role) !== -1;
  }
  function forbid(reason) {
    throw { forbidden: reason };
  }
  function isImmutable(doc) {
    return IMMUTABLE.indexOf(doc.kind) !== -1;
  }

  var admin = has('_admin');
  var importer = has('importer');
  void secObj;

  if (oldDoc && isImmutable(oldDoc)) {
    forbid('A completed audit or a signed report cannot be changed or deleted.');
  }

  if (newDoc._deleted) {
    // Deleting a revision is how a person resolves a conflict: the losing leaves go.
    if (admin) return;
    if (oldDoc && !isImmutable(oldDoc) && (has('site:' + oldDoc.site) || importer)) return;
    forbid('Only an inspector of this site may remove a conflicting version.');
  }

  if (typeof newDoc.kind !== 'string' || KINDS.indexOf(newDoc.kind) === -1) {
    forbid('Unknown kind of document.');
  }
  if (newDoc._id.indexOf(newDoc.kind + ':') !== 0) {
    forbid('A ' + newDoc.kind + ' document id starts with "' + newDoc.kind + ':".');
  }
  if (typeof newDoc.site !== 'string' || !SITE_CODE.test(newDoc.site)) {
    forbid('The document names no valid site.');
  }
  if (userCtx.db && userCtx.db !== 'site-' + newDoc.site) {
    forbid('A document of site ' + newDoc.site + ' does not belong in ' + userCtx.db + '.');
  }

  if (isImmutable(newDoc)) {
    var id = /^(audit|report):([0-9a-f]{64})$/.exec(newDoc._id);
    var revs = newDoc._revisions;
    if (
      !id ||
      !revs ||
      revs.start !== 1 ||
      revs.ids.length !== 1 ||
      revs.ids[0] !== id[2].slice(0, 32)
    ) {
      forbid(
        'A completed audit or signed report is written once, as revision 1-<its content hash>.'
      );
    }
    if (!admin && !importer && newDoc.publishedBy !== userCtx.name) {
      forbid('Publish under your own name.');
    }
    if (newDoc.kind === 'report' && newDoc.role === 'countersign') {
      if (!admin && !importer && !has('manager'))
        forbid('Only a manager publishes a countersigned report.');
      return;
    }
  }

  if (!admin && !importer && !has('site:' + newDoc.site)) {
    forbid('You are not an inspector of site ' + newDoc.site + '.');
  }
});
