/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const samenhang = $root.samenhang = (() => {

    /**
     * Namespace samenhang.
     * @exports samenhang
     * @namespace
     */
    const samenhang = {};

    samenhang.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof samenhang
         * @namespace
         */
        const v1 = {};

        v1.AlertPerson = (function() {

            /**
             * Properties of an AlertPerson.
             * @typedef {Object} samenhang.v1.AlertPerson.$Properties
             * @property {string|null} [name] AlertPerson name
             * @property {string|null} [birthDate] AlertPerson birthDate
             * @property {samenhang.v1.Relation|null} [relation] AlertPerson relation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertPerson.
             * @memberof samenhang.v1
             * @interface IAlertPerson
             * @augments samenhang.v1.AlertPerson.$Properties
             * @deprecated Use samenhang.v1.AlertPerson.$Properties instead.
             */

            /**
             * Shape of an AlertPerson.
             * @typedef {samenhang.v1.AlertPerson.$Properties} samenhang.v1.AlertPerson.$Shape
             */

            /**
             * Constructs a new AlertPerson.
             * @memberof samenhang.v1
             * @classdesc Represents an AlertPerson.
             * @constructor
             * @param {samenhang.v1.AlertPerson.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertPerson = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertPerson name.
             * @member {string} name
             * @memberof samenhang.v1.AlertPerson
             * @instance
             */
            AlertPerson.prototype.name = "";

            /**
             * AlertPerson birthDate.
             * @member {string} birthDate
             * @memberof samenhang.v1.AlertPerson
             * @instance
             */
            AlertPerson.prototype.birthDate = "";

            /**
             * AlertPerson relation.
             * @member {samenhang.v1.Relation} relation
             * @memberof samenhang.v1.AlertPerson
             * @instance
             */
            AlertPerson.prototype.relation = 0;

            /**
             * Creates a new AlertPerson instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.AlertPerson
             * @static
             * @param {samenhang.v1.AlertPerson.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.AlertPerson} AlertPerson instance
             * @type {{
             *   (properties: samenhang.v1.AlertPerson.$Shape): samenhang.v1.AlertPerson & samenhang.v1.AlertPerson.$Shape;
             *   (properties?: samenhang.v1.AlertPerson.$Properties): samenhang.v1.AlertPerson;
             * }}
             */
            AlertPerson.create = function(properties) {
                return new AlertPerson(properties);
            };

            /**
             * Encodes the specified AlertPerson message. Does not implicitly {@link samenhang.v1.AlertPerson.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.AlertPerson
             * @static
             * @param {samenhang.v1.AlertPerson.$Properties} m AlertPerson message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertPerson.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.birthDate != null && $Object.hasOwnProperty.call(m, "birthDate") && m.birthDate !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.birthDate);
                if (m.relation != null && $Object.hasOwnProperty.call(m, "relation") && m.relation !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.relation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AlertPerson message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.AlertPerson
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.AlertPerson & samenhang.v1.AlertPerson.$Shape} AlertPerson
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertPerson.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.AlertPerson();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.birthDate = v;
                            else
                                delete m.birthDate;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.relation = v;
                            else
                                delete m.relation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AlertPerson
             * @function getTypeUrl
             * @memberof samenhang.v1.AlertPerson
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertPerson.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.AlertPerson";
            };

            return AlertPerson;
        })();

        v1.AlertEntry = (function() {

            /**
             * Properties of an AlertEntry.
             * @typedef {Object} samenhang.v1.AlertEntry.$Properties
             * @property {string|null} [signalId] AlertEntry signalId
             * @property {string|null} [agencyId] AlertEntry agencyId
             * @property {string|null} [agencyKind] AlertEntry agencyKind
             * @property {samenhang.v1.Category|null} [category] AlertEntry category
             * @property {google.protobuf.Timestamp.$Properties|null} [observedAt] AlertEntry observedAt
             * @property {samenhang.v1.Contact.$Properties|null} [contact] AlertEntry contact
             * @property {string|null} [shownAs] AlertEntry shownAs
             * @property {string|null} [outcome] AlertEntry outcome
             * @property {string|null} [decisionId] AlertEntry decisionId
             * @property {string|null} [decidingRule] AlertEntry decidingRule
             * @property {string|null} [citation] AlertEntry citation
             * @property {boolean|null} [assumption] AlertEntry assumption
             * @property {string|null} [explanation] AlertEntry explanation
             * @property {string|null} [explanationNl] AlertEntry explanationNl
             * @property {Array.<string>|null} [obligations] AlertEntry obligations
             * @property {samenhang.v1.Severity|null} [severity] AlertEntry severity
             * @property {string|null} [summary] AlertEntry summary
             * @property {samenhang.v1.AlertPerson.$Properties|null} [subject] AlertEntry subject
             * @property {samenhang.v1.Address.$Properties|null} [address] AlertEntry address
             * @property {Array.<samenhang.v1.AlertPerson.$Properties>|null} [relatedPersons] AlertEntry relatedPersons
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertEntry.
             * @memberof samenhang.v1
             * @interface IAlertEntry
             * @augments samenhang.v1.AlertEntry.$Properties
             * @deprecated Use samenhang.v1.AlertEntry.$Properties instead.
             */

            /**
             * Shape of an AlertEntry.
             * @typedef {samenhang.v1.AlertEntry.$Properties} samenhang.v1.AlertEntry.$Shape
             */

            /**
             * Constructs a new AlertEntry.
             * @memberof samenhang.v1
             * @classdesc Represents an AlertEntry.
             * @constructor
             * @param {samenhang.v1.AlertEntry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertEntry = function (p) {
                this.obligations = [];
                this.relatedPersons = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertEntry signalId.
             * @member {string} signalId
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.signalId = "";

            /**
             * AlertEntry agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.agencyId = "";

            /**
             * AlertEntry agencyKind.
             * @member {string} agencyKind
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.agencyKind = "";

            /**
             * AlertEntry category.
             * @member {samenhang.v1.Category} category
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.category = 0;

            /**
             * AlertEntry observedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} observedAt
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.observedAt = null;

            /**
             * AlertEntry contact.
             * @member {samenhang.v1.Contact.$Properties|null|undefined} contact
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.contact = null;

            /**
             * AlertEntry shownAs.
             * @member {string} shownAs
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.shownAs = "";

            /**
             * AlertEntry outcome.
             * @member {string} outcome
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.outcome = "";

            /**
             * AlertEntry decisionId.
             * @member {string} decisionId
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.decisionId = "";

            /**
             * AlertEntry decidingRule.
             * @member {string} decidingRule
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.decidingRule = "";

            /**
             * AlertEntry citation.
             * @member {string} citation
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.citation = "";

            /**
             * AlertEntry assumption.
             * @member {boolean} assumption
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.assumption = false;

            /**
             * AlertEntry explanation.
             * @member {string} explanation
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.explanation = "";

            /**
             * AlertEntry explanationNl.
             * @member {string} explanationNl
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.explanationNl = "";

            /**
             * AlertEntry obligations.
             * @member {Array.<string>} obligations
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.obligations = $util.emptyArray;

            /**
             * AlertEntry severity.
             * @member {samenhang.v1.Severity} severity
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.severity = 0;

            /**
             * AlertEntry summary.
             * @member {string} summary
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.summary = "";

            /**
             * AlertEntry subject.
             * @member {samenhang.v1.AlertPerson.$Properties|null|undefined} subject
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.subject = null;

            /**
             * AlertEntry address.
             * @member {samenhang.v1.Address.$Properties|null|undefined} address
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.address = null;

            /**
             * AlertEntry relatedPersons.
             * @member {Array.<samenhang.v1.AlertPerson.$Properties>} relatedPersons
             * @memberof samenhang.v1.AlertEntry
             * @instance
             */
            AlertEntry.prototype.relatedPersons = $util.emptyArray;

            /**
             * Creates a new AlertEntry instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.AlertEntry
             * @static
             * @param {samenhang.v1.AlertEntry.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.AlertEntry} AlertEntry instance
             * @type {{
             *   (properties: samenhang.v1.AlertEntry.$Shape): samenhang.v1.AlertEntry & samenhang.v1.AlertEntry.$Shape;
             *   (properties?: samenhang.v1.AlertEntry.$Properties): samenhang.v1.AlertEntry;
             * }}
             */
            AlertEntry.create = function(properties) {
                return new AlertEntry(properties);
            };

            /**
             * Encodes the specified AlertEntry message. Does not implicitly {@link samenhang.v1.AlertEntry.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.AlertEntry
             * @static
             * @param {samenhang.v1.AlertEntry.$Properties} m AlertEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signalId != null && $Object.hasOwnProperty.call(m, "signalId") && m.signalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.signalId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.agencyKind != null && $Object.hasOwnProperty.call(m, "agencyKind") && m.agencyKind !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.agencyKind);
                if (m.category != null && $Object.hasOwnProperty.call(m, "category") && m.category !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.category);
                if (m.observedAt != null && $Object.hasOwnProperty.call(m, "observedAt"))
                    $root.google.protobuf.Timestamp.encode(m.observedAt, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.contact != null && $Object.hasOwnProperty.call(m, "contact"))
                    $root.samenhang.v1.Contact.encode(m.contact, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.shownAs != null && $Object.hasOwnProperty.call(m, "shownAs") && m.shownAs !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.shownAs);
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome") && m.outcome !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.outcome);
                if (m.decisionId != null && $Object.hasOwnProperty.call(m, "decisionId") && m.decisionId !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.decisionId);
                if (m.decidingRule != null && $Object.hasOwnProperty.call(m, "decidingRule") && m.decidingRule !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.decidingRule);
                if (m.citation != null && $Object.hasOwnProperty.call(m, "citation") && m.citation !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.citation);
                if (m.assumption != null && $Object.hasOwnProperty.call(m, "assumption") && m.assumption !== false)
                    w.uint32(/* id 12, wireType 0 =*/96).bool(m.assumption);
                if (m.explanation != null && $Object.hasOwnProperty.call(m, "explanation") && m.explanation !== "")
                    w.uint32(/* id 13, wireType 2 =*/106).string(m.explanation);
                if (m.obligations != null && m.obligations.length) {
                    for (var i = 0; i < m.obligations.length; ++i)
                        w.uint32(/* id 14, wireType 2 =*/114).string(m.obligations[i]);
                }
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity") && m.severity !== 0)
                    w.uint32(/* id 20, wireType 0 =*/160).int32(m.severity);
                if (m.summary != null && $Object.hasOwnProperty.call(m, "summary") && m.summary !== "")
                    w.uint32(/* id 21, wireType 2 =*/170).string(m.summary);
                if (m.subject != null && $Object.hasOwnProperty.call(m, "subject"))
                    $root.samenhang.v1.AlertPerson.encode(m.subject, w.uint32(/* id 22, wireType 2 =*/178).fork(), q + 1).ldelim();
                if (m.address != null && $Object.hasOwnProperty.call(m, "address"))
                    $root.samenhang.v1.Address.encode(m.address, w.uint32(/* id 23, wireType 2 =*/186).fork(), q + 1).ldelim();
                if (m.relatedPersons != null && m.relatedPersons.length) {
                    for (var i = 0; i < m.relatedPersons.length; ++i)
                        $root.samenhang.v1.AlertPerson.encode(m.relatedPersons[i], w.uint32(/* id 24, wireType 2 =*/194).fork(), q + 1).ldelim();
                }
                if (m.explanationNl != null && $Object.hasOwnProperty.call(m, "explanationNl") && m.explanationNl !== "")
                    w.uint32(/* id 25, wireType 2 =*/202).string(m.explanationNl);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AlertEntry message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.AlertEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.AlertEntry & samenhang.v1.AlertEntry.$Shape} AlertEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertEntry.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.AlertEntry();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signalId = v;
                            else
                                delete m.signalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyKind = v;
                            else
                                delete m.agencyKind;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.category = v;
                            else
                                delete m.category;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.observedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.observedAt);
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.contact = $root.samenhang.v1.Contact.decode(r, r.size(), $undefined, q + 1, m.contact);
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.shownAs = v;
                            else
                                delete m.shownAs;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.outcome = v;
                            else
                                delete m.outcome;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.decisionId = v;
                            else
                                delete m.decisionId;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.decidingRule = v;
                            else
                                delete m.decidingRule;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.citation = v;
                            else
                                delete m.citation;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.assumption = v;
                            else
                                delete m.assumption;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.explanation = v;
                            else
                                delete m.explanation;
                            continue;
                        }
                    case 25: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.explanationNl = v;
                            else
                                delete m.explanationNl;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if (!(m.obligations && m.obligations.length))
                                m.obligations = [];
                            m.obligations.push(r.stringVerify());
                            continue;
                        }
                    case 20: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.severity = v;
                            else
                                delete m.severity;
                            continue;
                        }
                    case 21: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.summary = v;
                            else
                                delete m.summary;
                            continue;
                        }
                    case 22: {
                            if (u !== 2)
                                break;
                            m.subject = $root.samenhang.v1.AlertPerson.decode(r, r.size(), $undefined, q + 1, m.subject);
                            continue;
                        }
                    case 23: {
                            if (u !== 2)
                                break;
                            m.address = $root.samenhang.v1.Address.decode(r, r.size(), $undefined, q + 1, m.address);
                            continue;
                        }
                    case 24: {
                            if (u !== 2)
                                break;
                            if (!(m.relatedPersons && m.relatedPersons.length))
                                m.relatedPersons = [];
                            m.relatedPersons.push($root.samenhang.v1.AlertPerson.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AlertEntry
             * @function getTypeUrl
             * @memberof samenhang.v1.AlertEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.AlertEntry";
            };

            return AlertEntry;
        })();

        v1.HouseholdAlert = (function() {

            /**
             * Properties of an HouseholdAlert.
             * @typedef {Object} samenhang.v1.HouseholdAlert.$Properties
             * @property {string|null} [alertId] HouseholdAlert alertId
             * @property {string|null} [systemId] HouseholdAlert systemId
             * @property {string|null} [region] HouseholdAlert region
             * @property {number|null} [version] HouseholdAlert version
             * @property {google.protobuf.Timestamp.$Properties|null} [createdAt] HouseholdAlert createdAt
             * @property {string|null} [reason] HouseholdAlert reason
             * @property {Array.<samenhang.v1.AlertEntry.$Properties>|null} [entries] HouseholdAlert entries
             * @property {Array.<string>|null} [mergedFrom] HouseholdAlert mergedFrom
             * @property {number|null} [persons] HouseholdAlert persons
             * @property {string|null} [disclosureId] HouseholdAlert disclosureId
             * @property {boolean|null} [correction] HouseholdAlert correction
             * @property {Array.<string>|null} [replacedBy] HouseholdAlert replacedBy
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an HouseholdAlert.
             * @memberof samenhang.v1
             * @interface IHouseholdAlert
             * @augments samenhang.v1.HouseholdAlert.$Properties
             * @deprecated Use samenhang.v1.HouseholdAlert.$Properties instead.
             */

            /**
             * Shape of an HouseholdAlert.
             * @typedef {samenhang.v1.HouseholdAlert.$Properties} samenhang.v1.HouseholdAlert.$Shape
             */

            /**
             * Constructs a new HouseholdAlert.
             * @memberof samenhang.v1
             * @classdesc Represents an HouseholdAlert.
             * @constructor
             * @param {samenhang.v1.HouseholdAlert.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HouseholdAlert = function (p) {
                this.entries = [];
                this.mergedFrom = [];
                this.replacedBy = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HouseholdAlert alertId.
             * @member {string} alertId
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.alertId = "";

            /**
             * HouseholdAlert systemId.
             * @member {string} systemId
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.systemId = "";

            /**
             * HouseholdAlert region.
             * @member {string} region
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.region = "";

            /**
             * HouseholdAlert version.
             * @member {number} version
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.version = 0;

            /**
             * HouseholdAlert createdAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} createdAt
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.createdAt = null;

            /**
             * HouseholdAlert reason.
             * @member {string} reason
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.reason = "";

            /**
             * HouseholdAlert entries.
             * @member {Array.<samenhang.v1.AlertEntry.$Properties>} entries
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.entries = $util.emptyArray;

            /**
             * HouseholdAlert mergedFrom.
             * @member {Array.<string>} mergedFrom
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.mergedFrom = $util.emptyArray;

            /**
             * HouseholdAlert persons.
             * @member {number} persons
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.persons = 0;

            /**
             * HouseholdAlert disclosureId.
             * @member {string} disclosureId
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.disclosureId = "";

            /**
             * HouseholdAlert correction.
             * @member {boolean} correction
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.correction = false;

            /**
             * HouseholdAlert replacedBy.
             * @member {Array.<string>} replacedBy
             * @memberof samenhang.v1.HouseholdAlert
             * @instance
             */
            HouseholdAlert.prototype.replacedBy = $util.emptyArray;

            /**
             * Creates a new HouseholdAlert instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.HouseholdAlert
             * @static
             * @param {samenhang.v1.HouseholdAlert.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.HouseholdAlert} HouseholdAlert instance
             * @type {{
             *   (properties: samenhang.v1.HouseholdAlert.$Shape): samenhang.v1.HouseholdAlert & samenhang.v1.HouseholdAlert.$Shape;
             *   (properties?: samenhang.v1.HouseholdAlert.$Properties): samenhang.v1.HouseholdAlert;
             * }}
             */
            HouseholdAlert.create = function(properties) {
                return new HouseholdAlert(properties);
            };

            /**
             * Encodes the specified HouseholdAlert message. Does not implicitly {@link samenhang.v1.HouseholdAlert.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.HouseholdAlert
             * @static
             * @param {samenhang.v1.HouseholdAlert.$Properties} m HouseholdAlert message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HouseholdAlert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.alertId != null && $Object.hasOwnProperty.call(m, "alertId") && m.alertId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.alertId);
                if (m.systemId != null && $Object.hasOwnProperty.call(m, "systemId") && m.systemId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.systemId);
                if (m.region != null && $Object.hasOwnProperty.call(m, "region") && m.region !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.region);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.version);
                if (m.createdAt != null && $Object.hasOwnProperty.call(m, "createdAt"))
                    $root.google.protobuf.Timestamp.encode(m.createdAt, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.reason);
                if (m.entries != null && m.entries.length) {
                    for (var i = 0; i < m.entries.length; ++i)
                        $root.samenhang.v1.AlertEntry.encode(m.entries[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                }
                if (m.mergedFrom != null && m.mergedFrom.length) {
                    for (var i = 0; i < m.mergedFrom.length; ++i)
                        w.uint32(/* id 8, wireType 2 =*/66).string(m.mergedFrom[i]);
                }
                if (m.persons != null && $Object.hasOwnProperty.call(m, "persons") && m.persons !== 0)
                    w.uint32(/* id 9, wireType 0 =*/72).uint32(m.persons);
                if (m.disclosureId != null && $Object.hasOwnProperty.call(m, "disclosureId") && m.disclosureId !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.disclosureId);
                if (m.correction != null && $Object.hasOwnProperty.call(m, "correction") && m.correction !== false)
                    w.uint32(/* id 11, wireType 0 =*/88).bool(m.correction);
                if (m.replacedBy != null && m.replacedBy.length) {
                    for (var i = 0; i < m.replacedBy.length; ++i)
                        w.uint32(/* id 12, wireType 2 =*/98).string(m.replacedBy[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an HouseholdAlert message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.HouseholdAlert
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.HouseholdAlert & samenhang.v1.HouseholdAlert.$Shape} HouseholdAlert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HouseholdAlert.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.HouseholdAlert();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.alertId = v;
                            else
                                delete m.alertId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.systemId = v;
                            else
                                delete m.systemId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.region = v;
                            else
                                delete m.region;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.createdAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.createdAt);
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.entries && m.entries.length))
                                m.entries = [];
                            m.entries.push($root.samenhang.v1.AlertEntry.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.mergedFrom && m.mergedFrom.length))
                                m.mergedFrom = [];
                            m.mergedFrom.push(r.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.persons = v;
                            else
                                delete m.persons;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.disclosureId = v;
                            else
                                delete m.disclosureId;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.correction = v;
                            else
                                delete m.correction;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if (!(m.replacedBy && m.replacedBy.length))
                                m.replacedBy = [];
                            m.replacedBy.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for HouseholdAlert
             * @function getTypeUrl
             * @memberof samenhang.v1.HouseholdAlert
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HouseholdAlert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.HouseholdAlert";
            };

            return HouseholdAlert;
        })();

        v1.PictureRequest = (function() {

            /**
             * Properties of a PictureRequest.
             * @typedef {Object} samenhang.v1.PictureRequest.$Properties
             * @property {samenhang.v1.Address.$Properties|null} [address] PictureRequest address
             * @property {string|null} [systemId] PictureRequest systemId
             * @property {string|null} [bsn] PictureRequest bsn
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PictureRequest.
             * @memberof samenhang.v1
             * @interface IPictureRequest
             * @augments samenhang.v1.PictureRequest.$Properties
             * @deprecated Use samenhang.v1.PictureRequest.$Properties instead.
             */

            /**
             * Shape of a PictureRequest.
             * @typedef {samenhang.v1.PictureRequest.$Properties} samenhang.v1.PictureRequest.$Shape
             */

            /**
             * Constructs a new PictureRequest.
             * @memberof samenhang.v1
             * @classdesc Represents a PictureRequest.
             * @constructor
             * @param {samenhang.v1.PictureRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PictureRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PictureRequest address.
             * @member {samenhang.v1.Address.$Properties|null|undefined} address
             * @memberof samenhang.v1.PictureRequest
             * @instance
             */
            PictureRequest.prototype.address = null;

            /**
             * PictureRequest systemId.
             * @member {string} systemId
             * @memberof samenhang.v1.PictureRequest
             * @instance
             */
            PictureRequest.prototype.systemId = "";

            /**
             * PictureRequest bsn.
             * @member {string} bsn
             * @memberof samenhang.v1.PictureRequest
             * @instance
             */
            PictureRequest.prototype.bsn = "";

            /**
             * Creates a new PictureRequest instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.PictureRequest
             * @static
             * @param {samenhang.v1.PictureRequest.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.PictureRequest} PictureRequest instance
             * @type {{
             *   (properties: samenhang.v1.PictureRequest.$Shape): samenhang.v1.PictureRequest & samenhang.v1.PictureRequest.$Shape;
             *   (properties?: samenhang.v1.PictureRequest.$Properties): samenhang.v1.PictureRequest;
             * }}
             */
            PictureRequest.create = function(properties) {
                return new PictureRequest(properties);
            };

            /**
             * Encodes the specified PictureRequest message. Does not implicitly {@link samenhang.v1.PictureRequest.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.PictureRequest
             * @static
             * @param {samenhang.v1.PictureRequest.$Properties} m PictureRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PictureRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.address != null && $Object.hasOwnProperty.call(m, "address"))
                    $root.samenhang.v1.Address.encode(m.address, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.systemId != null && $Object.hasOwnProperty.call(m, "systemId") && m.systemId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.systemId);
                if (m.bsn != null && $Object.hasOwnProperty.call(m, "bsn") && m.bsn !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.bsn);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PictureRequest message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.PictureRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.PictureRequest & samenhang.v1.PictureRequest.$Shape} PictureRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PictureRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.PictureRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.address = $root.samenhang.v1.Address.decode(r, r.size(), $undefined, q + 1, m.address);
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.systemId = v;
                            else
                                delete m.systemId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.bsn = v;
                            else
                                delete m.bsn;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PictureRequest
             * @function getTypeUrl
             * @memberof samenhang.v1.PictureRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PictureRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.PictureRequest";
            };

            return PictureRequest;
        })();

        /**
         * HumanDecisionKind enum.
         * @name samenhang.v1.HumanDecisionKind
         * @enum {number}
         * @property {number} HUMAN_DECISION_KIND_UNSPECIFIED=0 HUMAN_DECISION_KIND_UNSPECIFIED value
         * @property {number} HUMAN_DECISION_KIND_REVIEW_UPHELD=1 HUMAN_DECISION_KIND_REVIEW_UPHELD value
         * @property {number} HUMAN_DECISION_KIND_REVIEW_WITHDRAW=2 HUMAN_DECISION_KIND_REVIEW_WITHDRAW value
         * @property {number} HUMAN_DECISION_KIND_HOLD_RELEASE=3 HUMAN_DECISION_KIND_HOLD_RELEASE value
         * @property {number} HUMAN_DECISION_KIND_HOLD_DENY=4 HUMAN_DECISION_KIND_HOLD_DENY value
         */
        v1.HumanDecisionKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "HUMAN_DECISION_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "HUMAN_DECISION_KIND_REVIEW_UPHELD"] = 1;
            values[valuesById[2] = "HUMAN_DECISION_KIND_REVIEW_WITHDRAW"] = 2;
            values[valuesById[3] = "HUMAN_DECISION_KIND_HOLD_RELEASE"] = 3;
            values[valuesById[4] = "HUMAN_DECISION_KIND_HOLD_DENY"] = 4;
            return values;
        })();

        v1.HumanDecision = (function() {

            /**
             * Properties of a HumanDecision.
             * @typedef {Object} samenhang.v1.HumanDecision.$Properties
             * @property {string|null} [systemId] HumanDecision systemId
             * @property {string|null} [decisionId] HumanDecision decisionId
             * @property {samenhang.v1.HumanDecisionKind|null} [kind] HumanDecision kind
             * @property {string|null} [decidedBy] HumanDecision decidedBy
             * @property {string|null} [organisation] HumanDecision organisation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HumanDecision.
             * @memberof samenhang.v1
             * @interface IHumanDecision
             * @augments samenhang.v1.HumanDecision.$Properties
             * @deprecated Use samenhang.v1.HumanDecision.$Properties instead.
             */

            /**
             * Shape of a HumanDecision.
             * @typedef {samenhang.v1.HumanDecision.$Properties} samenhang.v1.HumanDecision.$Shape
             */

            /**
             * Constructs a new HumanDecision.
             * @memberof samenhang.v1
             * @classdesc Represents a HumanDecision.
             * @constructor
             * @param {samenhang.v1.HumanDecision.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HumanDecision = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HumanDecision systemId.
             * @member {string} systemId
             * @memberof samenhang.v1.HumanDecision
             * @instance
             */
            HumanDecision.prototype.systemId = "";

            /**
             * HumanDecision decisionId.
             * @member {string} decisionId
             * @memberof samenhang.v1.HumanDecision
             * @instance
             */
            HumanDecision.prototype.decisionId = "";

            /**
             * HumanDecision kind.
             * @member {samenhang.v1.HumanDecisionKind} kind
             * @memberof samenhang.v1.HumanDecision
             * @instance
             */
            HumanDecision.prototype.kind = 0;

            /**
             * HumanDecision decidedBy.
             * @member {string} decidedBy
             * @memberof samenhang.v1.HumanDecision
             * @instance
             */
            HumanDecision.prototype.decidedBy = "";

            /**
             * HumanDecision organisation.
             * @member {string} organisation
             * @memberof samenhang.v1.HumanDecision
             * @instance
             */
            HumanDecision.prototype.organisation = "";

            /**
             * Creates a new HumanDecision instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.HumanDecision
             * @static
             * @param {samenhang.v1.HumanDecision.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.HumanDecision} HumanDecision instance
             * @type {{
             *   (properties: samenhang.v1.HumanDecision.$Shape): samenhang.v1.HumanDecision & samenhang.v1.HumanDecision.$Shape;
             *   (properties?: samenhang.v1.HumanDecision.$Properties): samenhang.v1.HumanDecision;
             * }}
             */
            HumanDecision.create = function(properties) {
                return new HumanDecision(properties);
            };

            /**
             * Encodes the specified HumanDecision message. Does not implicitly {@link samenhang.v1.HumanDecision.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.HumanDecision
             * @static
             * @param {samenhang.v1.HumanDecision.$Properties} m HumanDecision message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HumanDecision.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.systemId != null && $Object.hasOwnProperty.call(m, "systemId") && m.systemId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.systemId);
                if (m.decisionId != null && $Object.hasOwnProperty.call(m, "decisionId") && m.decisionId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.decisionId);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.kind);
                if (m.decidedBy != null && $Object.hasOwnProperty.call(m, "decidedBy") && m.decidedBy !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.decidedBy);
                if (m.organisation != null && $Object.hasOwnProperty.call(m, "organisation") && m.organisation !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.organisation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a HumanDecision message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.HumanDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.HumanDecision & samenhang.v1.HumanDecision.$Shape} HumanDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HumanDecision.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.HumanDecision();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.systemId = v;
                            else
                                delete m.systemId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.decisionId = v;
                            else
                                delete m.decisionId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.decidedBy = v;
                            else
                                delete m.decidedBy;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.organisation = v;
                            else
                                delete m.organisation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for HumanDecision
             * @function getTypeUrl
             * @memberof samenhang.v1.HumanDecision
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HumanDecision.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.HumanDecision";
            };

            return HumanDecision;
        })();

        v1.Person = (function() {

            /**
             * Properties of a Person.
             * @typedef {Object} samenhang.v1.Person.$Properties
             * @property {string|null} [bsn] Person bsn
             * @property {string|null} [name] Person name
             * @property {string|null} [birthDate] Person birthDate
             * @property {boolean|null} [confidentialAddress] Person confidentialAddress
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Person.
             * @memberof samenhang.v1
             * @interface IPerson
             * @augments samenhang.v1.Person.$Properties
             * @deprecated Use samenhang.v1.Person.$Properties instead.
             */

            /**
             * Shape of a Person.
             * @typedef {samenhang.v1.Person.$Properties} samenhang.v1.Person.$Shape
             */

            /**
             * Constructs a new Person.
             * @memberof samenhang.v1
             * @classdesc Represents a Person.
             * @constructor
             * @param {samenhang.v1.Person.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Person = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Person bsn.
             * @member {string} bsn
             * @memberof samenhang.v1.Person
             * @instance
             */
            Person.prototype.bsn = "";

            /**
             * Person name.
             * @member {string} name
             * @memberof samenhang.v1.Person
             * @instance
             */
            Person.prototype.name = "";

            /**
             * Person birthDate.
             * @member {string} birthDate
             * @memberof samenhang.v1.Person
             * @instance
             */
            Person.prototype.birthDate = "";

            /**
             * Person confidentialAddress.
             * @member {boolean} confidentialAddress
             * @memberof samenhang.v1.Person
             * @instance
             */
            Person.prototype.confidentialAddress = false;

            /**
             * Creates a new Person instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.Person
             * @static
             * @param {samenhang.v1.Person.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.Person} Person instance
             * @type {{
             *   (properties: samenhang.v1.Person.$Shape): samenhang.v1.Person & samenhang.v1.Person.$Shape;
             *   (properties?: samenhang.v1.Person.$Properties): samenhang.v1.Person;
             * }}
             */
            Person.create = function(properties) {
                return new Person(properties);
            };

            /**
             * Encodes the specified Person message. Does not implicitly {@link samenhang.v1.Person.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.Person
             * @static
             * @param {samenhang.v1.Person.$Properties} m Person message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Person.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.bsn != null && $Object.hasOwnProperty.call(m, "bsn") && m.bsn !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.bsn);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.birthDate != null && $Object.hasOwnProperty.call(m, "birthDate") && m.birthDate !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.birthDate);
                if (m.confidentialAddress != null && $Object.hasOwnProperty.call(m, "confidentialAddress") && m.confidentialAddress !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.confidentialAddress);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Person message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.Person
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.Person & samenhang.v1.Person.$Shape} Person
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Person.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.Person();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.bsn = v;
                            else
                                delete m.bsn;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.birthDate = v;
                            else
                                delete m.birthDate;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.confidentialAddress = v;
                            else
                                delete m.confidentialAddress;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Person
             * @function getTypeUrl
             * @memberof samenhang.v1.Person
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Person.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.Person";
            };

            return Person;
        })();

        /**
         * Relation enum.
         * @name samenhang.v1.Relation
         * @enum {number}
         * @property {number} RELATION_UNSPECIFIED=0 RELATION_UNSPECIFIED value
         * @property {number} RELATION_PARENT=1 RELATION_PARENT value
         * @property {number} RELATION_CHILD=2 RELATION_CHILD value
         * @property {number} RELATION_SIBLING=3 RELATION_SIBLING value
         * @property {number} RELATION_PARTNER=4 RELATION_PARTNER value
         * @property {number} RELATION_EX_PARTNER=5 RELATION_EX_PARTNER value
         * @property {number} RELATION_HOUSEHOLD_MEMBER=6 RELATION_HOUSEHOLD_MEMBER value
         */
        v1.Relation = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RELATION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RELATION_PARENT"] = 1;
            values[valuesById[2] = "RELATION_CHILD"] = 2;
            values[valuesById[3] = "RELATION_SIBLING"] = 3;
            values[valuesById[4] = "RELATION_PARTNER"] = 4;
            values[valuesById[5] = "RELATION_EX_PARTNER"] = 5;
            values[valuesById[6] = "RELATION_HOUSEHOLD_MEMBER"] = 6;
            return values;
        })();

        v1.RelatedPerson = (function() {

            /**
             * Properties of a RelatedPerson.
             * @typedef {Object} samenhang.v1.RelatedPerson.$Properties
             * @property {samenhang.v1.Person.$Properties|null} [person] RelatedPerson person
             * @property {samenhang.v1.Relation|null} [relation] RelatedPerson relation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RelatedPerson.
             * @memberof samenhang.v1
             * @interface IRelatedPerson
             * @augments samenhang.v1.RelatedPerson.$Properties
             * @deprecated Use samenhang.v1.RelatedPerson.$Properties instead.
             */

            /**
             * Shape of a RelatedPerson.
             * @typedef {samenhang.v1.RelatedPerson.$Properties} samenhang.v1.RelatedPerson.$Shape
             */

            /**
             * Constructs a new RelatedPerson.
             * @memberof samenhang.v1
             * @classdesc Represents a RelatedPerson.
             * @constructor
             * @param {samenhang.v1.RelatedPerson.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RelatedPerson = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RelatedPerson person.
             * @member {samenhang.v1.Person.$Properties|null|undefined} person
             * @memberof samenhang.v1.RelatedPerson
             * @instance
             */
            RelatedPerson.prototype.person = null;

            /**
             * RelatedPerson relation.
             * @member {samenhang.v1.Relation} relation
             * @memberof samenhang.v1.RelatedPerson
             * @instance
             */
            RelatedPerson.prototype.relation = 0;

            /**
             * Creates a new RelatedPerson instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.RelatedPerson
             * @static
             * @param {samenhang.v1.RelatedPerson.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.RelatedPerson} RelatedPerson instance
             * @type {{
             *   (properties: samenhang.v1.RelatedPerson.$Shape): samenhang.v1.RelatedPerson & samenhang.v1.RelatedPerson.$Shape;
             *   (properties?: samenhang.v1.RelatedPerson.$Properties): samenhang.v1.RelatedPerson;
             * }}
             */
            RelatedPerson.create = function(properties) {
                return new RelatedPerson(properties);
            };

            /**
             * Encodes the specified RelatedPerson message. Does not implicitly {@link samenhang.v1.RelatedPerson.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.RelatedPerson
             * @static
             * @param {samenhang.v1.RelatedPerson.$Properties} m RelatedPerson message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RelatedPerson.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.person != null && $Object.hasOwnProperty.call(m, "person"))
                    $root.samenhang.v1.Person.encode(m.person, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.relation != null && $Object.hasOwnProperty.call(m, "relation") && m.relation !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.relation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RelatedPerson message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.RelatedPerson
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.RelatedPerson & samenhang.v1.RelatedPerson.$Shape} RelatedPerson
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RelatedPerson.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.RelatedPerson();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.person = $root.samenhang.v1.Person.decode(r, r.size(), $undefined, q + 1, m.person);
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.relation = v;
                            else
                                delete m.relation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RelatedPerson
             * @function getTypeUrl
             * @memberof samenhang.v1.RelatedPerson
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RelatedPerson.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.RelatedPerson";
            };

            return RelatedPerson;
        })();

        v1.Address = (function() {

            /**
             * Properties of an Address.
             * @typedef {Object} samenhang.v1.Address.$Properties
             * @property {string|null} [postcode] Address postcode
             * @property {number|null} [houseNumber] Address houseNumber
             * @property {string|null} [houseNumberSuffix] Address houseNumberSuffix
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Address.
             * @memberof samenhang.v1
             * @interface IAddress
             * @augments samenhang.v1.Address.$Properties
             * @deprecated Use samenhang.v1.Address.$Properties instead.
             */

            /**
             * Shape of an Address.
             * @typedef {samenhang.v1.Address.$Properties} samenhang.v1.Address.$Shape
             */

            /**
             * Constructs a new Address.
             * @memberof samenhang.v1
             * @classdesc Represents an Address.
             * @constructor
             * @param {samenhang.v1.Address.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Address = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Address postcode.
             * @member {string} postcode
             * @memberof samenhang.v1.Address
             * @instance
             */
            Address.prototype.postcode = "";

            /**
             * Address houseNumber.
             * @member {number} houseNumber
             * @memberof samenhang.v1.Address
             * @instance
             */
            Address.prototype.houseNumber = 0;

            /**
             * Address houseNumberSuffix.
             * @member {string} houseNumberSuffix
             * @memberof samenhang.v1.Address
             * @instance
             */
            Address.prototype.houseNumberSuffix = "";

            /**
             * Creates a new Address instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.Address
             * @static
             * @param {samenhang.v1.Address.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.Address} Address instance
             * @type {{
             *   (properties: samenhang.v1.Address.$Shape): samenhang.v1.Address & samenhang.v1.Address.$Shape;
             *   (properties?: samenhang.v1.Address.$Properties): samenhang.v1.Address;
             * }}
             */
            Address.create = function(properties) {
                return new Address(properties);
            };

            /**
             * Encodes the specified Address message. Does not implicitly {@link samenhang.v1.Address.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.Address
             * @static
             * @param {samenhang.v1.Address.$Properties} m Address message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Address.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.postcode != null && $Object.hasOwnProperty.call(m, "postcode") && m.postcode !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.postcode);
                if (m.houseNumber != null && $Object.hasOwnProperty.call(m, "houseNumber") && m.houseNumber !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.houseNumber);
                if (m.houseNumberSuffix != null && $Object.hasOwnProperty.call(m, "houseNumberSuffix") && m.houseNumberSuffix !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.houseNumberSuffix);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Address message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.Address
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.Address & samenhang.v1.Address.$Shape} Address
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Address.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.Address();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.postcode = v;
                            else
                                delete m.postcode;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.houseNumber = v;
                            else
                                delete m.houseNumber;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.houseNumberSuffix = v;
                            else
                                delete m.houseNumberSuffix;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Address
             * @function getTypeUrl
             * @memberof samenhang.v1.Address
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Address.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.Address";
            };

            return Address;
        })();

        /**
         * Category enum.
         * @name samenhang.v1.Category
         * @enum {number}
         * @property {number} CATEGORY_UNSPECIFIED=0 CATEGORY_UNSPECIFIED value
         * @property {number} CATEGORY_DOMESTIC_VIOLENCE=1 CATEGORY_DOMESTIC_VIOLENCE value
         * @property {number} CATEGORY_CHILD_ABUSE=2 CATEGORY_CHILD_ABUSE value
         * @property {number} CATEGORY_AGGRESSION=3 CATEGORY_AGGRESSION value
         * @property {number} CATEGORY_HOUSING_NUISANCE=4 CATEGORY_HOUSING_NUISANCE value
         * @property {number} CATEGORY_PSYCHIATRIC_CRISIS=5 CATEGORY_PSYCHIATRIC_CRISIS value
         * @property {number} CATEGORY_ADDICTION=6 CATEGORY_ADDICTION value
         * @property {number} CATEGORY_DEBT=7 CATEGORY_DEBT value
         * @property {number} CATEGORY_HOUSING_PROBLEM=8 CATEGORY_HOUSING_PROBLEM value
         * @property {number} CATEGORY_DIVORCE_CONFLICT=9 CATEGORY_DIVORCE_CONFLICT value
         * @property {number} CATEGORY_CRIMINAL_CASE=10 CATEGORY_CRIMINAL_CASE value
         * @property {number} CATEGORY_SCHOOL_ABSENCE=11 CATEGORY_SCHOOL_ABSENCE value
         * @property {number} CATEGORY_OTHER=12 CATEGORY_OTHER value
         */
        v1.Category = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CATEGORY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CATEGORY_DOMESTIC_VIOLENCE"] = 1;
            values[valuesById[2] = "CATEGORY_CHILD_ABUSE"] = 2;
            values[valuesById[3] = "CATEGORY_AGGRESSION"] = 3;
            values[valuesById[4] = "CATEGORY_HOUSING_NUISANCE"] = 4;
            values[valuesById[5] = "CATEGORY_PSYCHIATRIC_CRISIS"] = 5;
            values[valuesById[6] = "CATEGORY_ADDICTION"] = 6;
            values[valuesById[7] = "CATEGORY_DEBT"] = 7;
            values[valuesById[8] = "CATEGORY_HOUSING_PROBLEM"] = 8;
            values[valuesById[9] = "CATEGORY_DIVORCE_CONFLICT"] = 9;
            values[valuesById[10] = "CATEGORY_CRIMINAL_CASE"] = 10;
            values[valuesById[11] = "CATEGORY_SCHOOL_ABSENCE"] = 11;
            values[valuesById[12] = "CATEGORY_OTHER"] = 12;
            return values;
        })();

        /**
         * Severity enum.
         * @name samenhang.v1.Severity
         * @enum {number}
         * @property {number} SEVERITY_UNSPECIFIED=0 SEVERITY_UNSPECIFIED value
         * @property {number} SEVERITY_LOW=1 SEVERITY_LOW value
         * @property {number} SEVERITY_MEDIUM=2 SEVERITY_MEDIUM value
         * @property {number} SEVERITY_HIGH=3 SEVERITY_HIGH value
         * @property {number} SEVERITY_ACUTE=4 SEVERITY_ACUTE value
         */
        v1.Severity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SEVERITY_LOW"] = 1;
            values[valuesById[2] = "SEVERITY_MEDIUM"] = 2;
            values[valuesById[3] = "SEVERITY_HIGH"] = 3;
            values[valuesById[4] = "SEVERITY_ACUTE"] = 4;
            return values;
        })();

        /**
         * LegalGround enum.
         * @name samenhang.v1.LegalGround
         * @enum {number}
         * @property {number} LEGAL_GROUND_UNSPECIFIED=0 LEGAL_GROUND_UNSPECIFIED value
         * @property {number} LEGAL_GROUND_STATUTORY_TASK=1 LEGAL_GROUND_STATUTORY_TASK value
         * @property {number} LEGAL_GROUND_CONSENT=2 LEGAL_GROUND_CONSENT value
         * @property {number} LEGAL_GROUND_VITAL_INTEREST=3 LEGAL_GROUND_VITAL_INTEREST value
         * @property {number} LEGAL_GROUND_MELDCODE_REPORT=4 LEGAL_GROUND_MELDCODE_REPORT value
         * @property {number} LEGAL_GROUND_COURT_ORDER=5 LEGAL_GROUND_COURT_ORDER value
         */
        v1.LegalGround = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LEGAL_GROUND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LEGAL_GROUND_STATUTORY_TASK"] = 1;
            values[valuesById[2] = "LEGAL_GROUND_CONSENT"] = 2;
            values[valuesById[3] = "LEGAL_GROUND_VITAL_INTEREST"] = 3;
            values[valuesById[4] = "LEGAL_GROUND_MELDCODE_REPORT"] = 4;
            values[valuesById[5] = "LEGAL_GROUND_COURT_ORDER"] = 5;
            return values;
        })();

        v1.Contact = (function() {

            /**
             * Properties of a Contact.
             * @typedef {Object} samenhang.v1.Contact.$Properties
             * @property {string|null} [name] Contact name
             * @property {string|null} [phone] Contact phone
             * @property {string|null} [email] Contact email
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Contact.
             * @memberof samenhang.v1
             * @interface IContact
             * @augments samenhang.v1.Contact.$Properties
             * @deprecated Use samenhang.v1.Contact.$Properties instead.
             */

            /**
             * Shape of a Contact.
             * @typedef {samenhang.v1.Contact.$Properties} samenhang.v1.Contact.$Shape
             */

            /**
             * Constructs a new Contact.
             * @memberof samenhang.v1
             * @classdesc Represents a Contact.
             * @constructor
             * @param {samenhang.v1.Contact.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Contact = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Contact name.
             * @member {string} name
             * @memberof samenhang.v1.Contact
             * @instance
             */
            Contact.prototype.name = "";

            /**
             * Contact phone.
             * @member {string} phone
             * @memberof samenhang.v1.Contact
             * @instance
             */
            Contact.prototype.phone = "";

            /**
             * Contact email.
             * @member {string} email
             * @memberof samenhang.v1.Contact
             * @instance
             */
            Contact.prototype.email = "";

            /**
             * Creates a new Contact instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.Contact
             * @static
             * @param {samenhang.v1.Contact.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.Contact} Contact instance
             * @type {{
             *   (properties: samenhang.v1.Contact.$Shape): samenhang.v1.Contact & samenhang.v1.Contact.$Shape;
             *   (properties?: samenhang.v1.Contact.$Properties): samenhang.v1.Contact;
             * }}
             */
            Contact.create = function(properties) {
                return new Contact(properties);
            };

            /**
             * Encodes the specified Contact message. Does not implicitly {@link samenhang.v1.Contact.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.Contact
             * @static
             * @param {samenhang.v1.Contact.$Properties} m Contact message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Contact.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.phone != null && $Object.hasOwnProperty.call(m, "phone") && m.phone !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.phone);
                if (m.email != null && $Object.hasOwnProperty.call(m, "email") && m.email !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.email);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Contact message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.Contact
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.Contact & samenhang.v1.Contact.$Shape} Contact
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Contact.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.Contact();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.phone = v;
                            else
                                delete m.phone;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.email = v;
                            else
                                delete m.email;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Contact
             * @function getTypeUrl
             * @memberof samenhang.v1.Contact
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Contact.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.Contact";
            };

            return Contact;
        })();

        v1.Signal = (function() {

            /**
             * Properties of a Signal.
             * @typedef {Object} samenhang.v1.Signal.$Properties
             * @property {string|null} [signalId] Signal signalId
             * @property {string|null} [agencyId] Signal agencyId
             * @property {string|null} [region] Signal region
             * @property {samenhang.v1.Person.$Properties|null} [subject] Signal subject
             * @property {Array.<samenhang.v1.RelatedPerson.$Properties>|null} [relatedPersons] Signal relatedPersons
             * @property {samenhang.v1.Address.$Properties|null} [address] Signal address
             * @property {samenhang.v1.Category|null} [category] Signal category
             * @property {samenhang.v1.Severity|null} [severity] Signal severity
             * @property {string|null} [summary] Signal summary
             * @property {samenhang.v1.LegalGround|null} [legalGround] Signal legalGround
             * @property {boolean|null} [meldcodeDecision] Signal meldcodeDecision
             * @property {google.protobuf.Timestamp.$Properties|null} [observedAt] Signal observedAt
             * @property {google.protobuf.Timestamp.$Properties|null} [expiresAt] Signal expiresAt
             * @property {samenhang.v1.Contact.$Properties|null} [contact] Signal contact
             * @property {string|null} [withdrawsSignalId] Signal withdrawsSignalId
             * @property {samenhang.v1.Contact.$Properties|null} [reporter] Signal reporter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Signal.
             * @memberof samenhang.v1
             * @interface ISignal
             * @augments samenhang.v1.Signal.$Properties
             * @deprecated Use samenhang.v1.Signal.$Properties instead.
             */

            /**
             * Shape of a Signal.
             * @typedef {samenhang.v1.Signal.$Properties} samenhang.v1.Signal.$Shape
             */

            /**
             * Constructs a new Signal.
             * @memberof samenhang.v1
             * @classdesc Represents a Signal.
             * @constructor
             * @param {samenhang.v1.Signal.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Signal = function (p) {
                this.relatedPersons = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Signal signalId.
             * @member {string} signalId
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.signalId = "";

            /**
             * Signal agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.agencyId = "";

            /**
             * Signal region.
             * @member {string} region
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.region = "";

            /**
             * Signal subject.
             * @member {samenhang.v1.Person.$Properties|null|undefined} subject
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.subject = null;

            /**
             * Signal relatedPersons.
             * @member {Array.<samenhang.v1.RelatedPerson.$Properties>} relatedPersons
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.relatedPersons = $util.emptyArray;

            /**
             * Signal address.
             * @member {samenhang.v1.Address.$Properties|null|undefined} address
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.address = null;

            /**
             * Signal category.
             * @member {samenhang.v1.Category} category
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.category = 0;

            /**
             * Signal severity.
             * @member {samenhang.v1.Severity} severity
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.severity = 0;

            /**
             * Signal summary.
             * @member {string} summary
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.summary = "";

            /**
             * Signal legalGround.
             * @member {samenhang.v1.LegalGround} legalGround
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.legalGround = 0;

            /**
             * Signal meldcodeDecision.
             * @member {boolean} meldcodeDecision
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.meldcodeDecision = false;

            /**
             * Signal observedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} observedAt
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.observedAt = null;

            /**
             * Signal expiresAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} expiresAt
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.expiresAt = null;

            /**
             * Signal contact.
             * @member {samenhang.v1.Contact.$Properties|null|undefined} contact
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.contact = null;

            /**
             * Signal withdrawsSignalId.
             * @member {string} withdrawsSignalId
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.withdrawsSignalId = "";

            /**
             * Signal reporter.
             * @member {samenhang.v1.Contact.$Properties|null|undefined} reporter
             * @memberof samenhang.v1.Signal
             * @instance
             */
            Signal.prototype.reporter = null;

            /**
             * Creates a new Signal instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.Signal
             * @static
             * @param {samenhang.v1.Signal.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.Signal} Signal instance
             * @type {{
             *   (properties: samenhang.v1.Signal.$Shape): samenhang.v1.Signal & samenhang.v1.Signal.$Shape;
             *   (properties?: samenhang.v1.Signal.$Properties): samenhang.v1.Signal;
             * }}
             */
            Signal.create = function(properties) {
                return new Signal(properties);
            };

            /**
             * Encodes the specified Signal message. Does not implicitly {@link samenhang.v1.Signal.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.Signal
             * @static
             * @param {samenhang.v1.Signal.$Properties} m Signal message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Signal.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signalId != null && $Object.hasOwnProperty.call(m, "signalId") && m.signalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.signalId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.region != null && $Object.hasOwnProperty.call(m, "region") && m.region !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.region);
                if (m.subject != null && $Object.hasOwnProperty.call(m, "subject"))
                    $root.samenhang.v1.Person.encode(m.subject, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.relatedPersons != null && m.relatedPersons.length) {
                    for (var i = 0; i < m.relatedPersons.length; ++i)
                        $root.samenhang.v1.RelatedPerson.encode(m.relatedPersons[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.address != null && $Object.hasOwnProperty.call(m, "address"))
                    $root.samenhang.v1.Address.encode(m.address, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.category != null && $Object.hasOwnProperty.call(m, "category") && m.category !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).int32(m.category);
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity") && m.severity !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).int32(m.severity);
                if (m.summary != null && $Object.hasOwnProperty.call(m, "summary") && m.summary !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.summary);
                if (m.legalGround != null && $Object.hasOwnProperty.call(m, "legalGround") && m.legalGround !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).int32(m.legalGround);
                if (m.meldcodeDecision != null && $Object.hasOwnProperty.call(m, "meldcodeDecision") && m.meldcodeDecision !== false)
                    w.uint32(/* id 11, wireType 0 =*/88).bool(m.meldcodeDecision);
                if (m.observedAt != null && $Object.hasOwnProperty.call(m, "observedAt"))
                    $root.google.protobuf.Timestamp.encode(m.observedAt, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.expiresAt != null && $Object.hasOwnProperty.call(m, "expiresAt"))
                    $root.google.protobuf.Timestamp.encode(m.expiresAt, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.contact != null && $Object.hasOwnProperty.call(m, "contact"))
                    $root.samenhang.v1.Contact.encode(m.contact, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.withdrawsSignalId != null && $Object.hasOwnProperty.call(m, "withdrawsSignalId") && m.withdrawsSignalId !== "")
                    w.uint32(/* id 15, wireType 2 =*/122).string(m.withdrawsSignalId);
                if (m.reporter != null && $Object.hasOwnProperty.call(m, "reporter"))
                    $root.samenhang.v1.Contact.encode(m.reporter, w.uint32(/* id 16, wireType 2 =*/130).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Signal message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.Signal
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.Signal & samenhang.v1.Signal.$Shape} Signal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Signal.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.Signal();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signalId = v;
                            else
                                delete m.signalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.region = v;
                            else
                                delete m.region;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.subject = $root.samenhang.v1.Person.decode(r, r.size(), $undefined, q + 1, m.subject);
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.relatedPersons && m.relatedPersons.length))
                                m.relatedPersons = [];
                            m.relatedPersons.push($root.samenhang.v1.RelatedPerson.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.address = $root.samenhang.v1.Address.decode(r, r.size(), $undefined, q + 1, m.address);
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.category = v;
                            else
                                delete m.category;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.severity = v;
                            else
                                delete m.severity;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.summary = v;
                            else
                                delete m.summary;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.legalGround = v;
                            else
                                delete m.legalGround;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.meldcodeDecision = v;
                            else
                                delete m.meldcodeDecision;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.observedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.observedAt);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.expiresAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.expiresAt);
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.contact = $root.samenhang.v1.Contact.decode(r, r.size(), $undefined, q + 1, m.contact);
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.withdrawsSignalId = v;
                            else
                                delete m.withdrawsSignalId;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            m.reporter = $root.samenhang.v1.Contact.decode(r, r.size(), $undefined, q + 1, m.reporter);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Signal
             * @function getTypeUrl
             * @memberof samenhang.v1.Signal
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Signal.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.Signal";
            };

            return Signal;
        })();

        v1.SignalEnvelope = (function() {

            /**
             * Properties of a SignalEnvelope.
             * @typedef {Object} samenhang.v1.SignalEnvelope.$Properties
             * @property {Uint8Array|null} [payload] SignalEnvelope payload
             * @property {string|null} ["protected"] SignalEnvelope protected
             * @property {string|null} [signature] SignalEnvelope signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignalEnvelope.
             * @memberof samenhang.v1
             * @interface ISignalEnvelope
             * @augments samenhang.v1.SignalEnvelope.$Properties
             * @deprecated Use samenhang.v1.SignalEnvelope.$Properties instead.
             */

            /**
             * Shape of a SignalEnvelope.
             * @typedef {samenhang.v1.SignalEnvelope.$Properties} samenhang.v1.SignalEnvelope.$Shape
             */

            /**
             * Constructs a new SignalEnvelope.
             * @memberof samenhang.v1
             * @classdesc Represents a SignalEnvelope.
             * @constructor
             * @param {samenhang.v1.SignalEnvelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignalEnvelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignalEnvelope payload.
             * @member {Uint8Array} payload
             * @memberof samenhang.v1.SignalEnvelope
             * @instance
             */
            SignalEnvelope.prototype.payload = $util.newBuffer([]);

            /**
             * SignalEnvelope protected.
             * @member {string} protected
             * @memberof samenhang.v1.SignalEnvelope
             * @instance
             */
            SignalEnvelope.prototype["protected"] = "";

            /**
             * SignalEnvelope signature.
             * @member {string} signature
             * @memberof samenhang.v1.SignalEnvelope
             * @instance
             */
            SignalEnvelope.prototype.signature = "";

            /**
             * Creates a new SignalEnvelope instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.SignalEnvelope
             * @static
             * @param {samenhang.v1.SignalEnvelope.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.SignalEnvelope} SignalEnvelope instance
             * @type {{
             *   (properties: samenhang.v1.SignalEnvelope.$Shape): samenhang.v1.SignalEnvelope & samenhang.v1.SignalEnvelope.$Shape;
             *   (properties?: samenhang.v1.SignalEnvelope.$Properties): samenhang.v1.SignalEnvelope;
             * }}
             */
            SignalEnvelope.create = function(properties) {
                return new SignalEnvelope(properties);
            };

            /**
             * Encodes the specified SignalEnvelope message. Does not implicitly {@link samenhang.v1.SignalEnvelope.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.SignalEnvelope
             * @static
             * @param {samenhang.v1.SignalEnvelope.$Properties} m SignalEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignalEnvelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.payload);
                if (m["protected"] != null && $Object.hasOwnProperty.call(m, "protected") && m["protected"] !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m["protected"]);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SignalEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.SignalEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.SignalEnvelope & samenhang.v1.SignalEnvelope.$Shape} SignalEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignalEnvelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.SignalEnvelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m["protected"] = v;
                            else
                                delete m["protected"];
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SignalEnvelope
             * @function getTypeUrl
             * @memberof samenhang.v1.SignalEnvelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignalEnvelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.SignalEnvelope";
            };

            return SignalEnvelope;
        })();

        /**
         * Purpose enum.
         * @name samenhang.v1.Purpose
         * @enum {number}
         * @property {number} PURPOSE_UNSPECIFIED=0 PURPOSE_UNSPECIFIED value
         * @property {number} PURPOSE_SAFETY_ASSESSMENT=1 PURPOSE_SAFETY_ASSESSMENT value
         */
        v1.Purpose = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PURPOSE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PURPOSE_SAFETY_ASSESSMENT"] = 1;
            return values;
        })();

        /**
         * ConsentStatus enum.
         * @name samenhang.v1.ConsentStatus
         * @enum {number}
         * @property {number} CONSENT_STATUS_UNSPECIFIED=0 CONSENT_STATUS_UNSPECIFIED value
         * @property {number} CONSENT_STATUS_GIVEN=1 CONSENT_STATUS_GIVEN value
         * @property {number} CONSENT_STATUS_WITHDRAWN=2 CONSENT_STATUS_WITHDRAWN value
         * @property {number} CONSENT_STATUS_OBJECTION=3 CONSENT_STATUS_OBJECTION value
         */
        v1.ConsentStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONSENT_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONSENT_STATUS_GIVEN"] = 1;
            values[valuesById[2] = "CONSENT_STATUS_WITHDRAWN"] = 2;
            values[valuesById[3] = "CONSENT_STATUS_OBJECTION"] = 3;
            return values;
        })();

        v1.ConsentRecord = (function() {

            /**
             * Properties of a ConsentRecord.
             * @typedef {Object} samenhang.v1.ConsentRecord.$Properties
             * @property {string|null} [consentId] ConsentRecord consentId
             * @property {string|null} [agencyId] ConsentRecord agencyId
             * @property {string|null} [bsn] ConsentRecord bsn
             * @property {samenhang.v1.Purpose|null} [purpose] ConsentRecord purpose
             * @property {Array.<string>|null} [scope] ConsentRecord scope
             * @property {samenhang.v1.ConsentStatus|null} [status] ConsentRecord status
             * @property {google.protobuf.Timestamp.$Properties|null} [recordedAt] ConsentRecord recordedAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConsentRecord.
             * @memberof samenhang.v1
             * @interface IConsentRecord
             * @augments samenhang.v1.ConsentRecord.$Properties
             * @deprecated Use samenhang.v1.ConsentRecord.$Properties instead.
             */

            /**
             * Shape of a ConsentRecord.
             * @typedef {samenhang.v1.ConsentRecord.$Properties} samenhang.v1.ConsentRecord.$Shape
             */

            /**
             * Constructs a new ConsentRecord.
             * @memberof samenhang.v1
             * @classdesc Represents a ConsentRecord.
             * @constructor
             * @param {samenhang.v1.ConsentRecord.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConsentRecord = function (p) {
                this.scope = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConsentRecord consentId.
             * @member {string} consentId
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.consentId = "";

            /**
             * ConsentRecord agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.agencyId = "";

            /**
             * ConsentRecord bsn.
             * @member {string} bsn
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.bsn = "";

            /**
             * ConsentRecord purpose.
             * @member {samenhang.v1.Purpose} purpose
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.purpose = 0;

            /**
             * ConsentRecord scope.
             * @member {Array.<string>} scope
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.scope = $util.emptyArray;

            /**
             * ConsentRecord status.
             * @member {samenhang.v1.ConsentStatus} status
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.status = 0;

            /**
             * ConsentRecord recordedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} recordedAt
             * @memberof samenhang.v1.ConsentRecord
             * @instance
             */
            ConsentRecord.prototype.recordedAt = null;

            /**
             * Creates a new ConsentRecord instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.ConsentRecord
             * @static
             * @param {samenhang.v1.ConsentRecord.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.ConsentRecord} ConsentRecord instance
             * @type {{
             *   (properties: samenhang.v1.ConsentRecord.$Shape): samenhang.v1.ConsentRecord & samenhang.v1.ConsentRecord.$Shape;
             *   (properties?: samenhang.v1.ConsentRecord.$Properties): samenhang.v1.ConsentRecord;
             * }}
             */
            ConsentRecord.create = function(properties) {
                return new ConsentRecord(properties);
            };

            /**
             * Encodes the specified ConsentRecord message. Does not implicitly {@link samenhang.v1.ConsentRecord.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.ConsentRecord
             * @static
             * @param {samenhang.v1.ConsentRecord.$Properties} m ConsentRecord message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConsentRecord.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.consentId != null && $Object.hasOwnProperty.call(m, "consentId") && m.consentId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.consentId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.bsn != null && $Object.hasOwnProperty.call(m, "bsn") && m.bsn !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.bsn);
                if (m.purpose != null && $Object.hasOwnProperty.call(m, "purpose") && m.purpose !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.purpose);
                if (m.scope != null && m.scope.length) {
                    for (var i = 0; i < m.scope.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).string(m.scope[i]);
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).int32(m.status);
                if (m.recordedAt != null && $Object.hasOwnProperty.call(m, "recordedAt"))
                    $root.google.protobuf.Timestamp.encode(m.recordedAt, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ConsentRecord message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.ConsentRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.ConsentRecord & samenhang.v1.ConsentRecord.$Shape} ConsentRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConsentRecord.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.ConsentRecord();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.consentId = v;
                            else
                                delete m.consentId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.bsn = v;
                            else
                                delete m.bsn;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.purpose = v;
                            else
                                delete m.purpose;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.scope && m.scope.length))
                                m.scope = [];
                            m.scope.push(r.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.recordedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.recordedAt);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for ConsentRecord
             * @function getTypeUrl
             * @memberof samenhang.v1.ConsentRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConsentRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.ConsentRecord";
            };

            return ConsentRecord;
        })();

        v1.PseudonymousPerson = (function() {

            /**
             * Properties of a PseudonymousPerson.
             * @typedef {Object} samenhang.v1.PseudonymousPerson.$Properties
             * @property {string|null} [pseudonym] PseudonymousPerson pseudonym
             * @property {samenhang.v1.Relation|null} [relation] PseudonymousPerson relation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PseudonymousPerson.
             * @memberof samenhang.v1
             * @interface IPseudonymousPerson
             * @augments samenhang.v1.PseudonymousPerson.$Properties
             * @deprecated Use samenhang.v1.PseudonymousPerson.$Properties instead.
             */

            /**
             * Shape of a PseudonymousPerson.
             * @typedef {samenhang.v1.PseudonymousPerson.$Properties} samenhang.v1.PseudonymousPerson.$Shape
             */

            /**
             * Constructs a new PseudonymousPerson.
             * @memberof samenhang.v1
             * @classdesc Represents a PseudonymousPerson.
             * @constructor
             * @param {samenhang.v1.PseudonymousPerson.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PseudonymousPerson = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PseudonymousPerson pseudonym.
             * @member {string} pseudonym
             * @memberof samenhang.v1.PseudonymousPerson
             * @instance
             */
            PseudonymousPerson.prototype.pseudonym = "";

            /**
             * PseudonymousPerson relation.
             * @member {samenhang.v1.Relation} relation
             * @memberof samenhang.v1.PseudonymousPerson
             * @instance
             */
            PseudonymousPerson.prototype.relation = 0;

            /**
             * Creates a new PseudonymousPerson instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.PseudonymousPerson
             * @static
             * @param {samenhang.v1.PseudonymousPerson.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.PseudonymousPerson} PseudonymousPerson instance
             * @type {{
             *   (properties: samenhang.v1.PseudonymousPerson.$Shape): samenhang.v1.PseudonymousPerson & samenhang.v1.PseudonymousPerson.$Shape;
             *   (properties?: samenhang.v1.PseudonymousPerson.$Properties): samenhang.v1.PseudonymousPerson;
             * }}
             */
            PseudonymousPerson.create = function(properties) {
                return new PseudonymousPerson(properties);
            };

            /**
             * Encodes the specified PseudonymousPerson message. Does not implicitly {@link samenhang.v1.PseudonymousPerson.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.PseudonymousPerson
             * @static
             * @param {samenhang.v1.PseudonymousPerson.$Properties} m PseudonymousPerson message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PseudonymousPerson.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.pseudonym != null && $Object.hasOwnProperty.call(m, "pseudonym") && m.pseudonym !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.pseudonym);
                if (m.relation != null && $Object.hasOwnProperty.call(m, "relation") && m.relation !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.relation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PseudonymousPerson message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.PseudonymousPerson
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.PseudonymousPerson & samenhang.v1.PseudonymousPerson.$Shape} PseudonymousPerson
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PseudonymousPerson.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.PseudonymousPerson();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pseudonym = v;
                            else
                                delete m.pseudonym;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.relation = v;
                            else
                                delete m.relation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PseudonymousPerson
             * @function getTypeUrl
             * @memberof samenhang.v1.PseudonymousPerson
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PseudonymousPerson.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.PseudonymousPerson";
            };

            return PseudonymousPerson;
        })();

        v1.VerifiedSignal = (function() {

            /**
             * Properties of a VerifiedSignal.
             * @typedef {Object} samenhang.v1.VerifiedSignal.$Properties
             * @property {string|null} [signalId] VerifiedSignal signalId
             * @property {string|null} [agencyId] VerifiedSignal agencyId
             * @property {string|null} [agencyKind] VerifiedSignal agencyKind
             * @property {string|null} [region] VerifiedSignal region
             * @property {string|null} [subjectPseudonym] VerifiedSignal subjectPseudonym
             * @property {Array.<samenhang.v1.PseudonymousPerson.$Properties>|null} [relatedPersons] VerifiedSignal relatedPersons
             * @property {string|null} [householdKey] VerifiedSignal householdKey
             * @property {samenhang.v1.Category|null} [category] VerifiedSignal category
             * @property {samenhang.v1.Severity|null} [severity] VerifiedSignal severity
             * @property {samenhang.v1.LegalGround|null} [legalGround] VerifiedSignal legalGround
             * @property {boolean|null} [meldcodeDecision] VerifiedSignal meldcodeDecision
             * @property {google.protobuf.Timestamp.$Properties|null} [observedAt] VerifiedSignal observedAt
             * @property {google.protobuf.Timestamp.$Properties|null} [expiresAt] VerifiedSignal expiresAt
             * @property {string|null} [withdrawsSignalId] VerifiedSignal withdrawsSignalId
             * @property {string|null} [vaultRef] VerifiedSignal vaultRef
             * @property {string|null} [envelopeSha256] VerifiedSignal envelopeSha256
             * @property {string|null} [signerKid] VerifiedSignal signerKid
             * @property {google.protobuf.Timestamp.$Properties|null} [receivedAt] VerifiedSignal receivedAt
             * @property {number|null} [ingressSeq] VerifiedSignal ingressSeq
             * @property {string|null} [withdrawnSubjectPseudonym] VerifiedSignal withdrawnSubjectPseudonym
             * @property {boolean|null} [confidentialAddress] VerifiedSignal confidentialAddress
             * @property {boolean|null} [hasReporter] VerifiedSignal hasReporter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VerifiedSignal.
             * @memberof samenhang.v1
             * @interface IVerifiedSignal
             * @augments samenhang.v1.VerifiedSignal.$Properties
             * @deprecated Use samenhang.v1.VerifiedSignal.$Properties instead.
             */

            /**
             * Shape of a VerifiedSignal.
             * @typedef {samenhang.v1.VerifiedSignal.$Properties} samenhang.v1.VerifiedSignal.$Shape
             */

            /**
             * Constructs a new VerifiedSignal.
             * @memberof samenhang.v1
             * @classdesc Represents a VerifiedSignal.
             * @constructor
             * @param {samenhang.v1.VerifiedSignal.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VerifiedSignal = function (p) {
                this.relatedPersons = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VerifiedSignal signalId.
             * @member {string} signalId
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.signalId = "";

            /**
             * VerifiedSignal agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.agencyId = "";

            /**
             * VerifiedSignal agencyKind.
             * @member {string} agencyKind
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.agencyKind = "";

            /**
             * VerifiedSignal region.
             * @member {string} region
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.region = "";

            /**
             * VerifiedSignal subjectPseudonym.
             * @member {string} subjectPseudonym
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.subjectPseudonym = "";

            /**
             * VerifiedSignal relatedPersons.
             * @member {Array.<samenhang.v1.PseudonymousPerson.$Properties>} relatedPersons
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.relatedPersons = $util.emptyArray;

            /**
             * VerifiedSignal householdKey.
             * @member {string} householdKey
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.householdKey = "";

            /**
             * VerifiedSignal category.
             * @member {samenhang.v1.Category} category
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.category = 0;

            /**
             * VerifiedSignal severity.
             * @member {samenhang.v1.Severity} severity
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.severity = 0;

            /**
             * VerifiedSignal legalGround.
             * @member {samenhang.v1.LegalGround} legalGround
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.legalGround = 0;

            /**
             * VerifiedSignal meldcodeDecision.
             * @member {boolean} meldcodeDecision
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.meldcodeDecision = false;

            /**
             * VerifiedSignal observedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} observedAt
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.observedAt = null;

            /**
             * VerifiedSignal expiresAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} expiresAt
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.expiresAt = null;

            /**
             * VerifiedSignal withdrawsSignalId.
             * @member {string} withdrawsSignalId
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.withdrawsSignalId = "";

            /**
             * VerifiedSignal vaultRef.
             * @member {string} vaultRef
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.vaultRef = "";

            /**
             * VerifiedSignal envelopeSha256.
             * @member {string} envelopeSha256
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.envelopeSha256 = "";

            /**
             * VerifiedSignal signerKid.
             * @member {string} signerKid
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.signerKid = "";

            /**
             * VerifiedSignal receivedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} receivedAt
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.receivedAt = null;

            /**
             * VerifiedSignal ingressSeq.
             * @member {number} ingressSeq
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.ingressSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VerifiedSignal withdrawnSubjectPseudonym.
             * @member {string} withdrawnSubjectPseudonym
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.withdrawnSubjectPseudonym = "";

            /**
             * VerifiedSignal confidentialAddress.
             * @member {boolean} confidentialAddress
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.confidentialAddress = false;

            /**
             * VerifiedSignal hasReporter.
             * @member {boolean} hasReporter
             * @memberof samenhang.v1.VerifiedSignal
             * @instance
             */
            VerifiedSignal.prototype.hasReporter = false;

            /**
             * Creates a new VerifiedSignal instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.VerifiedSignal
             * @static
             * @param {samenhang.v1.VerifiedSignal.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.VerifiedSignal} VerifiedSignal instance
             * @type {{
             *   (properties: samenhang.v1.VerifiedSignal.$Shape): samenhang.v1.VerifiedSignal & samenhang.v1.VerifiedSignal.$Shape;
             *   (properties?: samenhang.v1.VerifiedSignal.$Properties): samenhang.v1.VerifiedSignal;
             * }}
             */
            VerifiedSignal.create = function(properties) {
                return new VerifiedSignal(properties);
            };

            /**
             * Encodes the specified VerifiedSignal message. Does not implicitly {@link samenhang.v1.VerifiedSignal.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.VerifiedSignal
             * @static
             * @param {samenhang.v1.VerifiedSignal.$Properties} m VerifiedSignal message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VerifiedSignal.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signalId != null && $Object.hasOwnProperty.call(m, "signalId") && m.signalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.signalId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.agencyKind != null && $Object.hasOwnProperty.call(m, "agencyKind") && m.agencyKind !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.agencyKind);
                if (m.region != null && $Object.hasOwnProperty.call(m, "region") && m.region !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.region);
                if (m.subjectPseudonym != null && $Object.hasOwnProperty.call(m, "subjectPseudonym") && m.subjectPseudonym !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.subjectPseudonym);
                if (m.relatedPersons != null && m.relatedPersons.length) {
                    for (var i = 0; i < m.relatedPersons.length; ++i)
                        $root.samenhang.v1.PseudonymousPerson.encode(m.relatedPersons[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.householdKey != null && $Object.hasOwnProperty.call(m, "householdKey") && m.householdKey !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.householdKey);
                if (m.category != null && $Object.hasOwnProperty.call(m, "category") && m.category !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).int32(m.category);
                if (m.severity != null && $Object.hasOwnProperty.call(m, "severity") && m.severity !== 0)
                    w.uint32(/* id 9, wireType 0 =*/72).int32(m.severity);
                if (m.legalGround != null && $Object.hasOwnProperty.call(m, "legalGround") && m.legalGround !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).int32(m.legalGround);
                if (m.meldcodeDecision != null && $Object.hasOwnProperty.call(m, "meldcodeDecision") && m.meldcodeDecision !== false)
                    w.uint32(/* id 11, wireType 0 =*/88).bool(m.meldcodeDecision);
                if (m.observedAt != null && $Object.hasOwnProperty.call(m, "observedAt"))
                    $root.google.protobuf.Timestamp.encode(m.observedAt, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.expiresAt != null && $Object.hasOwnProperty.call(m, "expiresAt"))
                    $root.google.protobuf.Timestamp.encode(m.expiresAt, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.withdrawsSignalId != null && $Object.hasOwnProperty.call(m, "withdrawsSignalId") && m.withdrawsSignalId !== "")
                    w.uint32(/* id 14, wireType 2 =*/114).string(m.withdrawsSignalId);
                if (m.vaultRef != null && $Object.hasOwnProperty.call(m, "vaultRef") && m.vaultRef !== "")
                    w.uint32(/* id 15, wireType 2 =*/122).string(m.vaultRef);
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256") && m.envelopeSha256 !== "")
                    w.uint32(/* id 16, wireType 2 =*/130).string(m.envelopeSha256);
                if (m.signerKid != null && $Object.hasOwnProperty.call(m, "signerKid") && m.signerKid !== "")
                    w.uint32(/* id 17, wireType 2 =*/138).string(m.signerKid);
                if (m.receivedAt != null && $Object.hasOwnProperty.call(m, "receivedAt"))
                    $root.google.protobuf.Timestamp.encode(m.receivedAt, w.uint32(/* id 18, wireType 2 =*/146).fork(), q + 1).ldelim();
                if (m.ingressSeq != null && $Object.hasOwnProperty.call(m, "ingressSeq") && (typeof m.ingressSeq === "object" ? m.ingressSeq.low || m.ingressSeq.high : m.ingressSeq !== 0))
                    w.uint32(/* id 19, wireType 0 =*/152).uint64(m.ingressSeq);
                if (m.withdrawnSubjectPseudonym != null && $Object.hasOwnProperty.call(m, "withdrawnSubjectPseudonym") && m.withdrawnSubjectPseudonym !== "")
                    w.uint32(/* id 20, wireType 2 =*/162).string(m.withdrawnSubjectPseudonym);
                if (m.confidentialAddress != null && $Object.hasOwnProperty.call(m, "confidentialAddress") && m.confidentialAddress !== false)
                    w.uint32(/* id 21, wireType 0 =*/168).bool(m.confidentialAddress);
                if (m.hasReporter != null && $Object.hasOwnProperty.call(m, "hasReporter") && m.hasReporter !== false)
                    w.uint32(/* id 22, wireType 0 =*/176).bool(m.hasReporter);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a VerifiedSignal message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.VerifiedSignal
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.VerifiedSignal & samenhang.v1.VerifiedSignal.$Shape} VerifiedSignal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VerifiedSignal.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.VerifiedSignal();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signalId = v;
                            else
                                delete m.signalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyKind = v;
                            else
                                delete m.agencyKind;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.region = v;
                            else
                                delete m.region;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.subjectPseudonym = v;
                            else
                                delete m.subjectPseudonym;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.relatedPersons && m.relatedPersons.length))
                                m.relatedPersons = [];
                            m.relatedPersons.push($root.samenhang.v1.PseudonymousPerson.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.householdKey = v;
                            else
                                delete m.householdKey;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.category = v;
                            else
                                delete m.category;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.severity = v;
                            else
                                delete m.severity;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.legalGround = v;
                            else
                                delete m.legalGround;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.meldcodeDecision = v;
                            else
                                delete m.meldcodeDecision;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.observedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.observedAt);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.expiresAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.expiresAt);
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.withdrawsSignalId = v;
                            else
                                delete m.withdrawsSignalId;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vaultRef = v;
                            else
                                delete m.vaultRef;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.envelopeSha256 = v;
                            else
                                delete m.envelopeSha256;
                            continue;
                        }
                    case 17: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signerKid = v;
                            else
                                delete m.signerKid;
                            continue;
                        }
                    case 18: {
                            if (u !== 2)
                                break;
                            m.receivedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.receivedAt);
                            continue;
                        }
                    case 19: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.ingressSeq = v;
                            else
                                delete m.ingressSeq;
                            continue;
                        }
                    case 20: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.withdrawnSubjectPseudonym = v;
                            else
                                delete m.withdrawnSubjectPseudonym;
                            continue;
                        }
                    case 21: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.confidentialAddress = v;
                            else
                                delete m.confidentialAddress;
                            continue;
                        }
                    case 22: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.hasReporter = v;
                            else
                                delete m.hasReporter;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for VerifiedSignal
             * @function getTypeUrl
             * @memberof samenhang.v1.VerifiedSignal
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VerifiedSignal.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.VerifiedSignal";
            };

            return VerifiedSignal;
        })();

        v1.VerifiedConsent = (function() {

            /**
             * Properties of a VerifiedConsent.
             * @typedef {Object} samenhang.v1.VerifiedConsent.$Properties
             * @property {string|null} [consentId] VerifiedConsent consentId
             * @property {string|null} [agencyId] VerifiedConsent agencyId
             * @property {string|null} [subjectPseudonym] VerifiedConsent subjectPseudonym
             * @property {samenhang.v1.Purpose|null} [purpose] VerifiedConsent purpose
             * @property {Array.<string>|null} [scope] VerifiedConsent scope
             * @property {samenhang.v1.ConsentStatus|null} [status] VerifiedConsent status
             * @property {google.protobuf.Timestamp.$Properties|null} [recordedAt] VerifiedConsent recordedAt
             * @property {string|null} [envelopeSha256] VerifiedConsent envelopeSha256
             * @property {google.protobuf.Timestamp.$Properties|null} [receivedAt] VerifiedConsent receivedAt
             * @property {number|null} [ingressSeq] VerifiedConsent ingressSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VerifiedConsent.
             * @memberof samenhang.v1
             * @interface IVerifiedConsent
             * @augments samenhang.v1.VerifiedConsent.$Properties
             * @deprecated Use samenhang.v1.VerifiedConsent.$Properties instead.
             */

            /**
             * Shape of a VerifiedConsent.
             * @typedef {samenhang.v1.VerifiedConsent.$Properties} samenhang.v1.VerifiedConsent.$Shape
             */

            /**
             * Constructs a new VerifiedConsent.
             * @memberof samenhang.v1
             * @classdesc Represents a VerifiedConsent.
             * @constructor
             * @param {samenhang.v1.VerifiedConsent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VerifiedConsent = function (p) {
                this.scope = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VerifiedConsent consentId.
             * @member {string} consentId
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.consentId = "";

            /**
             * VerifiedConsent agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.agencyId = "";

            /**
             * VerifiedConsent subjectPseudonym.
             * @member {string} subjectPseudonym
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.subjectPseudonym = "";

            /**
             * VerifiedConsent purpose.
             * @member {samenhang.v1.Purpose} purpose
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.purpose = 0;

            /**
             * VerifiedConsent scope.
             * @member {Array.<string>} scope
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.scope = $util.emptyArray;

            /**
             * VerifiedConsent status.
             * @member {samenhang.v1.ConsentStatus} status
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.status = 0;

            /**
             * VerifiedConsent recordedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} recordedAt
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.recordedAt = null;

            /**
             * VerifiedConsent envelopeSha256.
             * @member {string} envelopeSha256
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.envelopeSha256 = "";

            /**
             * VerifiedConsent receivedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} receivedAt
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.receivedAt = null;

            /**
             * VerifiedConsent ingressSeq.
             * @member {number} ingressSeq
             * @memberof samenhang.v1.VerifiedConsent
             * @instance
             */
            VerifiedConsent.prototype.ingressSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new VerifiedConsent instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.VerifiedConsent
             * @static
             * @param {samenhang.v1.VerifiedConsent.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.VerifiedConsent} VerifiedConsent instance
             * @type {{
             *   (properties: samenhang.v1.VerifiedConsent.$Shape): samenhang.v1.VerifiedConsent & samenhang.v1.VerifiedConsent.$Shape;
             *   (properties?: samenhang.v1.VerifiedConsent.$Properties): samenhang.v1.VerifiedConsent;
             * }}
             */
            VerifiedConsent.create = function(properties) {
                return new VerifiedConsent(properties);
            };

            /**
             * Encodes the specified VerifiedConsent message. Does not implicitly {@link samenhang.v1.VerifiedConsent.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.VerifiedConsent
             * @static
             * @param {samenhang.v1.VerifiedConsent.$Properties} m VerifiedConsent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VerifiedConsent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.consentId != null && $Object.hasOwnProperty.call(m, "consentId") && m.consentId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.consentId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.subjectPseudonym != null && $Object.hasOwnProperty.call(m, "subjectPseudonym") && m.subjectPseudonym !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.subjectPseudonym);
                if (m.purpose != null && $Object.hasOwnProperty.call(m, "purpose") && m.purpose !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.purpose);
                if (m.scope != null && m.scope.length) {
                    for (var i = 0; i < m.scope.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).string(m.scope[i]);
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).int32(m.status);
                if (m.recordedAt != null && $Object.hasOwnProperty.call(m, "recordedAt"))
                    $root.google.protobuf.Timestamp.encode(m.recordedAt, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256") && m.envelopeSha256 !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.envelopeSha256);
                if (m.receivedAt != null && $Object.hasOwnProperty.call(m, "receivedAt"))
                    $root.google.protobuf.Timestamp.encode(m.receivedAt, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.ingressSeq != null && $Object.hasOwnProperty.call(m, "ingressSeq") && (typeof m.ingressSeq === "object" ? m.ingressSeq.low || m.ingressSeq.high : m.ingressSeq !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).uint64(m.ingressSeq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a VerifiedConsent message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.VerifiedConsent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.VerifiedConsent & samenhang.v1.VerifiedConsent.$Shape} VerifiedConsent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VerifiedConsent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.VerifiedConsent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.consentId = v;
                            else
                                delete m.consentId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.subjectPseudonym = v;
                            else
                                delete m.subjectPseudonym;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.purpose = v;
                            else
                                delete m.purpose;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.scope && m.scope.length))
                                m.scope = [];
                            m.scope.push(r.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.recordedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.recordedAt);
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.envelopeSha256 = v;
                            else
                                delete m.envelopeSha256;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.receivedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.receivedAt);
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.ingressSeq = v;
                            else
                                delete m.ingressSeq;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for VerifiedConsent
             * @function getTypeUrl
             * @memberof samenhang.v1.VerifiedConsent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VerifiedConsent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.VerifiedConsent";
            };

            return VerifiedConsent;
        })();

        /**
         * ReceiptStatus enum.
         * @name samenhang.v1.ReceiptStatus
         * @enum {number}
         * @property {number} RECEIPT_STATUS_UNSPECIFIED=0 RECEIPT_STATUS_UNSPECIFIED value
         * @property {number} RECEIPT_STATUS_ACCEPTED=1 RECEIPT_STATUS_ACCEPTED value
         * @property {number} RECEIPT_STATUS_DUPLICATE=2 RECEIPT_STATUS_DUPLICATE value
         * @property {number} RECEIPT_STATUS_REJECTED=3 RECEIPT_STATUS_REJECTED value
         */
        v1.ReceiptStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RECEIPT_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RECEIPT_STATUS_ACCEPTED"] = 1;
            values[valuesById[2] = "RECEIPT_STATUS_DUPLICATE"] = 2;
            values[valuesById[3] = "RECEIPT_STATUS_REJECTED"] = 3;
            return values;
        })();

        v1.Receipt = (function() {

            /**
             * Properties of a Receipt.
             * @typedef {Object} samenhang.v1.Receipt.$Properties
             * @property {string|null} [signalId] Receipt signalId
             * @property {string|null} [agencyId] Receipt agencyId
             * @property {samenhang.v1.ReceiptStatus|null} [status] Receipt status
             * @property {string|null} [code] Receipt code
             * @property {string|null} [reason] Receipt reason
             * @property {string|null} [envelopeSha256] Receipt envelopeSha256
             * @property {google.protobuf.Timestamp.$Properties|null} [receivedAt] Receipt receivedAt
             * @property {string|null} [originalEnvelopeSha256] Receipt originalEnvelopeSha256
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Receipt.
             * @memberof samenhang.v1
             * @interface IReceipt
             * @augments samenhang.v1.Receipt.$Properties
             * @deprecated Use samenhang.v1.Receipt.$Properties instead.
             */

            /**
             * Shape of a Receipt.
             * @typedef {samenhang.v1.Receipt.$Properties} samenhang.v1.Receipt.$Shape
             */

            /**
             * Constructs a new Receipt.
             * @memberof samenhang.v1
             * @classdesc Represents a Receipt.
             * @constructor
             * @param {samenhang.v1.Receipt.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Receipt = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Receipt signalId.
             * @member {string} signalId
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.signalId = "";

            /**
             * Receipt agencyId.
             * @member {string} agencyId
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.agencyId = "";

            /**
             * Receipt status.
             * @member {samenhang.v1.ReceiptStatus} status
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.status = 0;

            /**
             * Receipt code.
             * @member {string} code
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.code = "";

            /**
             * Receipt reason.
             * @member {string} reason
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.reason = "";

            /**
             * Receipt envelopeSha256.
             * @member {string} envelopeSha256
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.envelopeSha256 = "";

            /**
             * Receipt receivedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} receivedAt
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.receivedAt = null;

            /**
             * Receipt originalEnvelopeSha256.
             * @member {string} originalEnvelopeSha256
             * @memberof samenhang.v1.Receipt
             * @instance
             */
            Receipt.prototype.originalEnvelopeSha256 = "";

            /**
             * Creates a new Receipt instance using the specified properties.
             * @function create
             * @memberof samenhang.v1.Receipt
             * @static
             * @param {samenhang.v1.Receipt.$Properties=} [properties] Properties to set
             * @returns {samenhang.v1.Receipt} Receipt instance
             * @type {{
             *   (properties: samenhang.v1.Receipt.$Shape): samenhang.v1.Receipt & samenhang.v1.Receipt.$Shape;
             *   (properties?: samenhang.v1.Receipt.$Properties): samenhang.v1.Receipt;
             * }}
             */
            Receipt.create = function(properties) {
                return new Receipt(properties);
            };

            /**
             * Encodes the specified Receipt message. Does not implicitly {@link samenhang.v1.Receipt.verify|verify} messages.
             * @function encode
             * @memberof samenhang.v1.Receipt
             * @static
             * @param {samenhang.v1.Receipt.$Properties} m Receipt message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Receipt.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signalId != null && $Object.hasOwnProperty.call(m, "signalId") && m.signalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.signalId);
                if (m.agencyId != null && $Object.hasOwnProperty.call(m, "agencyId") && m.agencyId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agencyId);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.status);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.code);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.reason);
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256") && m.envelopeSha256 !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.envelopeSha256);
                if (m.receivedAt != null && $Object.hasOwnProperty.call(m, "receivedAt"))
                    $root.google.protobuf.Timestamp.encode(m.receivedAt, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.originalEnvelopeSha256 != null && $Object.hasOwnProperty.call(m, "originalEnvelopeSha256") && m.originalEnvelopeSha256 !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.originalEnvelopeSha256);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Receipt message from the specified reader or buffer.
             * @function decode
             * @memberof samenhang.v1.Receipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {samenhang.v1.Receipt & samenhang.v1.Receipt.$Shape} Receipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Receipt.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.samenhang.v1.Receipt();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signalId = v;
                            else
                                delete m.signalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agencyId = v;
                            else
                                delete m.agencyId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.envelopeSha256 = v;
                            else
                                delete m.envelopeSha256;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.receivedAt = $root.google.protobuf.Timestamp.decode(r, r.size(), $undefined, q + 1, m.receivedAt);
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.originalEnvelopeSha256 = v;
                            else
                                delete m.originalEnvelopeSha256;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Receipt
             * @function getTypeUrl
             * @memberof samenhang.v1.Receipt
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Receipt.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/samenhang.v1.Receipt";
            };

            return Receipt;
        })();

        return v1;
    })();

    return samenhang;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @typedef {Object} google.protobuf.Timestamp.$Properties
             * @property {number|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @augments google.protobuf.Timestamp.$Properties
             * @deprecated Use google.protobuf.Timestamp.$Properties instead.
             */

            /**
             * Shape of a Timestamp.
             * @typedef {google.protobuf.Timestamp.$Properties} google.protobuf.Timestamp.$Shape
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @constructor
             * @param {google.protobuf.Timestamp.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Timestamp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Timestamp seconds.
             * @member {number} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             * @type {{
             *   (properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
             *   (properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
             * }}
             */
            Timestamp.create = function(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties} m Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.seconds != null && $Object.hasOwnProperty.call(m, "seconds") && (typeof m.seconds === "object" ? m.seconds.low || m.seconds.high : m.seconds !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.seconds);
                if (m.nanos != null && $Object.hasOwnProperty.call(m, "nanos") && m.nanos !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.nanos);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.Timestamp();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.seconds = v;
                            else
                                delete m.seconds;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.nanos = v;
                            else
                                delete m.nanos;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Timestamp
             * @function getTypeUrl
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Timestamp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.Timestamp";
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
