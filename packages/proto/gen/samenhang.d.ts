import * as $protobuf from "protobufjs";

export namespace samenhang {

    namespace v1 {

        interface IAlertPerson extends samenhang.v1.AlertPerson.$Properties {
        }

        class AlertPerson {
            constructor(p?: samenhang.v1.AlertPerson.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            birthDate: string;
            relation: samenhang.v1.Relation;
            static create(properties: samenhang.v1.AlertPerson.$Shape): samenhang.v1.AlertPerson & samenhang.v1.AlertPerson.$Shape;
            static create(properties?: samenhang.v1.AlertPerson.$Properties): samenhang.v1.AlertPerson;
            static encode(m: samenhang.v1.AlertPerson.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.AlertPerson & samenhang.v1.AlertPerson.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertPerson {
            interface $Properties {
                name?: (string|null);
                birthDate?: (string|null);
                relation?: (samenhang.v1.Relation|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.AlertPerson.$Properties;
        }

        interface IAlertEntry extends samenhang.v1.AlertEntry.$Properties {
        }

        class AlertEntry {
            constructor(p?: samenhang.v1.AlertEntry.$Properties);
            $unknowns?: Uint8Array[];
            signalId: string;
            agencyId: string;
            agencyKind: string;
            category: samenhang.v1.Category;
            observedAt?: (google.protobuf.Timestamp.$Properties|null);
            contact?: (samenhang.v1.Contact.$Properties|null);
            shownAs: string;
            outcome: string;
            decisionId: string;
            decidingRule: string;
            citation: string;
            assumption: boolean;
            explanation: string;
            explanationNl: string;
            obligations: string[];
            severity: samenhang.v1.Severity;
            summary: string;
            subject?: (samenhang.v1.AlertPerson.$Properties|null);
            address?: (samenhang.v1.Address.$Properties|null);
            relatedPersons: samenhang.v1.AlertPerson.$Properties[];
            static create(properties: samenhang.v1.AlertEntry.$Shape): samenhang.v1.AlertEntry & samenhang.v1.AlertEntry.$Shape;
            static create(properties?: samenhang.v1.AlertEntry.$Properties): samenhang.v1.AlertEntry;
            static encode(m: samenhang.v1.AlertEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.AlertEntry & samenhang.v1.AlertEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertEntry {
            interface $Properties {
                signalId?: (string|null);
                agencyId?: (string|null);
                agencyKind?: (string|null);
                category?: (samenhang.v1.Category|null);
                observedAt?: (google.protobuf.Timestamp.$Properties|null);
                contact?: (samenhang.v1.Contact.$Properties|null);
                shownAs?: (string|null);
                outcome?: (string|null);
                decisionId?: (string|null);
                decidingRule?: (string|null);
                citation?: (string|null);
                assumption?: (boolean|null);
                explanation?: (string|null);
                explanationNl?: (string|null);
                obligations?: (string[]|null);
                severity?: (samenhang.v1.Severity|null);
                summary?: (string|null);
                subject?: (samenhang.v1.AlertPerson.$Properties|null);
                address?: (samenhang.v1.Address.$Properties|null);
                relatedPersons?: (samenhang.v1.AlertPerson.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.AlertEntry.$Properties;
        }

        interface IHouseholdAlert extends samenhang.v1.HouseholdAlert.$Properties {
        }

        class HouseholdAlert {
            constructor(p?: samenhang.v1.HouseholdAlert.$Properties);
            $unknowns?: Uint8Array[];
            alertId: string;
            systemId: string;
            region: string;
            version: number;
            createdAt?: (google.protobuf.Timestamp.$Properties|null);
            reason: string;
            entries: samenhang.v1.AlertEntry.$Properties[];
            mergedFrom: string[];
            persons: number;
            disclosureId: string;
            correction: boolean;
            replacedBy: string[];
            static create(properties: samenhang.v1.HouseholdAlert.$Shape): samenhang.v1.HouseholdAlert & samenhang.v1.HouseholdAlert.$Shape;
            static create(properties?: samenhang.v1.HouseholdAlert.$Properties): samenhang.v1.HouseholdAlert;
            static encode(m: samenhang.v1.HouseholdAlert.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.HouseholdAlert & samenhang.v1.HouseholdAlert.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace HouseholdAlert {
            interface $Properties {
                alertId?: (string|null);
                systemId?: (string|null);
                region?: (string|null);
                version?: (number|null);
                createdAt?: (google.protobuf.Timestamp.$Properties|null);
                reason?: (string|null);
                entries?: (samenhang.v1.AlertEntry.$Properties[]|null);
                mergedFrom?: (string[]|null);
                persons?: (number|null);
                disclosureId?: (string|null);
                correction?: (boolean|null);
                replacedBy?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.HouseholdAlert.$Properties;
        }

        interface IPictureRequest extends samenhang.v1.PictureRequest.$Properties {
        }

        class PictureRequest {
            constructor(p?: samenhang.v1.PictureRequest.$Properties);
            $unknowns?: Uint8Array[];
            address?: (samenhang.v1.Address.$Properties|null);
            systemId: string;
            bsn: string;
            static create(properties: samenhang.v1.PictureRequest.$Shape): samenhang.v1.PictureRequest & samenhang.v1.PictureRequest.$Shape;
            static create(properties?: samenhang.v1.PictureRequest.$Properties): samenhang.v1.PictureRequest;
            static encode(m: samenhang.v1.PictureRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.PictureRequest & samenhang.v1.PictureRequest.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace PictureRequest {
            interface $Properties {
                address?: (samenhang.v1.Address.$Properties|null);
                systemId?: (string|null);
                bsn?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.PictureRequest.$Properties;
        }

        enum HumanDecisionKind {
            HUMAN_DECISION_KIND_UNSPECIFIED = 0,
            HUMAN_DECISION_KIND_REVIEW_UPHELD = 1,
            HUMAN_DECISION_KIND_REVIEW_WITHDRAW = 2,
            HUMAN_DECISION_KIND_HOLD_RELEASE = 3,
            HUMAN_DECISION_KIND_HOLD_DENY = 4
        }

        interface IHumanDecision extends samenhang.v1.HumanDecision.$Properties {
        }

        class HumanDecision {
            constructor(p?: samenhang.v1.HumanDecision.$Properties);
            $unknowns?: Uint8Array[];
            systemId: string;
            decisionId: string;
            kind: samenhang.v1.HumanDecisionKind;
            decidedBy: string;
            organisation: string;
            static create(properties: samenhang.v1.HumanDecision.$Shape): samenhang.v1.HumanDecision & samenhang.v1.HumanDecision.$Shape;
            static create(properties?: samenhang.v1.HumanDecision.$Properties): samenhang.v1.HumanDecision;
            static encode(m: samenhang.v1.HumanDecision.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.HumanDecision & samenhang.v1.HumanDecision.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace HumanDecision {
            interface $Properties {
                systemId?: (string|null);
                decisionId?: (string|null);
                kind?: (samenhang.v1.HumanDecisionKind|null);
                decidedBy?: (string|null);
                organisation?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.HumanDecision.$Properties;
        }

        interface IPerson extends samenhang.v1.Person.$Properties {
        }

        class Person {
            constructor(p?: samenhang.v1.Person.$Properties);
            $unknowns?: Uint8Array[];
            bsn: string;
            name: string;
            birthDate: string;
            confidentialAddress: boolean;
            static create(properties: samenhang.v1.Person.$Shape): samenhang.v1.Person & samenhang.v1.Person.$Shape;
            static create(properties?: samenhang.v1.Person.$Properties): samenhang.v1.Person;
            static encode(m: samenhang.v1.Person.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.Person & samenhang.v1.Person.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Person {
            interface $Properties {
                bsn?: (string|null);
                name?: (string|null);
                birthDate?: (string|null);
                confidentialAddress?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.Person.$Properties;
        }

        enum Relation {
            RELATION_UNSPECIFIED = 0,
            RELATION_PARENT = 1,
            RELATION_CHILD = 2,
            RELATION_SIBLING = 3,
            RELATION_PARTNER = 4,
            RELATION_EX_PARTNER = 5,
            RELATION_HOUSEHOLD_MEMBER = 6
        }

        interface IRelatedPerson extends samenhang.v1.RelatedPerson.$Properties {
        }

        class RelatedPerson {
            constructor(p?: samenhang.v1.RelatedPerson.$Properties);
            $unknowns?: Uint8Array[];
            person?: (samenhang.v1.Person.$Properties|null);
            relation: samenhang.v1.Relation;
            static create(properties: samenhang.v1.RelatedPerson.$Shape): samenhang.v1.RelatedPerson & samenhang.v1.RelatedPerson.$Shape;
            static create(properties?: samenhang.v1.RelatedPerson.$Properties): samenhang.v1.RelatedPerson;
            static encode(m: samenhang.v1.RelatedPerson.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.RelatedPerson & samenhang.v1.RelatedPerson.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RelatedPerson {
            interface $Properties {
                person?: (samenhang.v1.Person.$Properties|null);
                relation?: (samenhang.v1.Relation|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.RelatedPerson.$Properties;
        }

        interface IAddress extends samenhang.v1.Address.$Properties {
        }

        class Address {
            constructor(p?: samenhang.v1.Address.$Properties);
            $unknowns?: Uint8Array[];
            postcode: string;
            houseNumber: number;
            houseNumberSuffix: string;
            static create(properties: samenhang.v1.Address.$Shape): samenhang.v1.Address & samenhang.v1.Address.$Shape;
            static create(properties?: samenhang.v1.Address.$Properties): samenhang.v1.Address;
            static encode(m: samenhang.v1.Address.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.Address & samenhang.v1.Address.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Address {
            interface $Properties {
                postcode?: (string|null);
                houseNumber?: (number|null);
                houseNumberSuffix?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.Address.$Properties;
        }

        enum Category {
            CATEGORY_UNSPECIFIED = 0,
            CATEGORY_DOMESTIC_VIOLENCE = 1,
            CATEGORY_CHILD_ABUSE = 2,
            CATEGORY_AGGRESSION = 3,
            CATEGORY_HOUSING_NUISANCE = 4,
            CATEGORY_PSYCHIATRIC_CRISIS = 5,
            CATEGORY_ADDICTION = 6,
            CATEGORY_DEBT = 7,
            CATEGORY_HOUSING_PROBLEM = 8,
            CATEGORY_DIVORCE_CONFLICT = 9,
            CATEGORY_CRIMINAL_CASE = 10,
            CATEGORY_SCHOOL_ABSENCE = 11,
            CATEGORY_OTHER = 12
        }

        enum Severity {
            SEVERITY_UNSPECIFIED = 0,
            SEVERITY_LOW = 1,
            SEVERITY_MEDIUM = 2,
            SEVERITY_HIGH = 3,
            SEVERITY_ACUTE = 4
        }

        enum LegalGround {
            LEGAL_GROUND_UNSPECIFIED = 0,
            LEGAL_GROUND_STATUTORY_TASK = 1,
            LEGAL_GROUND_CONSENT = 2,
            LEGAL_GROUND_VITAL_INTEREST = 3,
            LEGAL_GROUND_MELDCODE_REPORT = 4,
            LEGAL_GROUND_COURT_ORDER = 5
        }

        interface IContact extends samenhang.v1.Contact.$Properties {
        }

        class Contact {
            constructor(p?: samenhang.v1.Contact.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            phone: string;
            email: string;
            static create(properties: samenhang.v1.Contact.$Shape): samenhang.v1.Contact & samenhang.v1.Contact.$Shape;
            static create(properties?: samenhang.v1.Contact.$Properties): samenhang.v1.Contact;
            static encode(m: samenhang.v1.Contact.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.Contact & samenhang.v1.Contact.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Contact {
            interface $Properties {
                name?: (string|null);
                phone?: (string|null);
                email?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.Contact.$Properties;
        }

        interface ISignal extends samenhang.v1.Signal.$Properties {
        }

        class Signal {
            constructor(p?: samenhang.v1.Signal.$Properties);
            $unknowns?: Uint8Array[];
            signalId: string;
            agencyId: string;
            region: string;
            subject?: (samenhang.v1.Person.$Properties|null);
            relatedPersons: samenhang.v1.RelatedPerson.$Properties[];
            address?: (samenhang.v1.Address.$Properties|null);
            category: samenhang.v1.Category;
            severity: samenhang.v1.Severity;
            summary: string;
            legalGround: samenhang.v1.LegalGround;
            meldcodeDecision: boolean;
            observedAt?: (google.protobuf.Timestamp.$Properties|null);
            expiresAt?: (google.protobuf.Timestamp.$Properties|null);
            contact?: (samenhang.v1.Contact.$Properties|null);
            withdrawsSignalId: string;
            reporter?: (samenhang.v1.Contact.$Properties|null);
            static create(properties: samenhang.v1.Signal.$Shape): samenhang.v1.Signal & samenhang.v1.Signal.$Shape;
            static create(properties?: samenhang.v1.Signal.$Properties): samenhang.v1.Signal;
            static encode(m: samenhang.v1.Signal.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.Signal & samenhang.v1.Signal.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Signal {
            interface $Properties {
                signalId?: (string|null);
                agencyId?: (string|null);
                region?: (string|null);
                subject?: (samenhang.v1.Person.$Properties|null);
                relatedPersons?: (samenhang.v1.RelatedPerson.$Properties[]|null);
                address?: (samenhang.v1.Address.$Properties|null);
                category?: (samenhang.v1.Category|null);
                severity?: (samenhang.v1.Severity|null);
                summary?: (string|null);
                legalGround?: (samenhang.v1.LegalGround|null);
                meldcodeDecision?: (boolean|null);
                observedAt?: (google.protobuf.Timestamp.$Properties|null);
                expiresAt?: (google.protobuf.Timestamp.$Properties|null);
                contact?: (samenhang.v1.Contact.$Properties|null);
                withdrawsSignalId?: (string|null);
                reporter?: (samenhang.v1.Contact.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.Signal.$Properties;
        }

        interface ISignalEnvelope extends samenhang.v1.SignalEnvelope.$Properties {
        }

        class SignalEnvelope {
            constructor(p?: samenhang.v1.SignalEnvelope.$Properties);
            $unknowns?: Uint8Array[];
            payload: Uint8Array;
            protected: string;
            signature: string;
            static create(properties: samenhang.v1.SignalEnvelope.$Shape): samenhang.v1.SignalEnvelope & samenhang.v1.SignalEnvelope.$Shape;
            static create(properties?: samenhang.v1.SignalEnvelope.$Properties): samenhang.v1.SignalEnvelope;
            static encode(m: samenhang.v1.SignalEnvelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.SignalEnvelope & samenhang.v1.SignalEnvelope.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignalEnvelope {
            interface $Properties {
                payload?: (Uint8Array|null);
                "protected"?: (string|null);
                signature?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.SignalEnvelope.$Properties;
        }

        enum Purpose {
            PURPOSE_UNSPECIFIED = 0,
            PURPOSE_SAFETY_ASSESSMENT = 1
        }

        enum ConsentStatus {
            CONSENT_STATUS_UNSPECIFIED = 0,
            CONSENT_STATUS_GIVEN = 1,
            CONSENT_STATUS_WITHDRAWN = 2,
            CONSENT_STATUS_OBJECTION = 3
        }

        interface IConsentRecord extends samenhang.v1.ConsentRecord.$Properties {
        }

        class ConsentRecord {
            constructor(p?: samenhang.v1.ConsentRecord.$Properties);
            $unknowns?: Uint8Array[];
            consentId: string;
            agencyId: string;
            bsn: string;
            purpose: samenhang.v1.Purpose;
            scope: string[];
            status: samenhang.v1.ConsentStatus;
            recordedAt?: (google.protobuf.Timestamp.$Properties|null);
            static create(properties: samenhang.v1.ConsentRecord.$Shape): samenhang.v1.ConsentRecord & samenhang.v1.ConsentRecord.$Shape;
            static create(properties?: samenhang.v1.ConsentRecord.$Properties): samenhang.v1.ConsentRecord;
            static encode(m: samenhang.v1.ConsentRecord.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.ConsentRecord & samenhang.v1.ConsentRecord.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConsentRecord {
            interface $Properties {
                consentId?: (string|null);
                agencyId?: (string|null);
                bsn?: (string|null);
                purpose?: (samenhang.v1.Purpose|null);
                scope?: (string[]|null);
                status?: (samenhang.v1.ConsentStatus|null);
                recordedAt?: (google.protobuf.Timestamp.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.ConsentRecord.$Properties;
        }

        interface IPseudonymousPerson extends samenhang.v1.PseudonymousPerson.$Properties {
        }

        class PseudonymousPerson {
            constructor(p?: samenhang.v1.PseudonymousPerson.$Properties);
            $unknowns?: Uint8Array[];
            pseudonym: string;
            relation: samenhang.v1.Relation;
            static create(properties: samenhang.v1.PseudonymousPerson.$Shape): samenhang.v1.PseudonymousPerson & samenhang.v1.PseudonymousPerson.$Shape;
            static create(properties?: samenhang.v1.PseudonymousPerson.$Properties): samenhang.v1.PseudonymousPerson;
            static encode(m: samenhang.v1.PseudonymousPerson.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.PseudonymousPerson & samenhang.v1.PseudonymousPerson.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace PseudonymousPerson {
            interface $Properties {
                pseudonym?: (string|null);
                relation?: (samenhang.v1.Relation|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.PseudonymousPerson.$Properties;
        }

        interface IVerifiedSignal extends samenhang.v1.VerifiedSignal.$Properties {
        }

        class VerifiedSignal {
            constructor(p?: samenhang.v1.VerifiedSignal.$Properties);
            $unknowns?: Uint8Array[];
            signalId: string;
            agencyId: string;
            agencyKind: string;
            region: string;
            subjectPseudonym: string;
            relatedPersons: samenhang.v1.PseudonymousPerson.$Properties[];
            householdKey: string;
            category: samenhang.v1.Category;
            severity: samenhang.v1.Severity;
            legalGround: samenhang.v1.LegalGround;
            meldcodeDecision: boolean;
            observedAt?: (google.protobuf.Timestamp.$Properties|null);
            expiresAt?: (google.protobuf.Timestamp.$Properties|null);
            withdrawsSignalId: string;
            vaultRef: string;
            envelopeSha256: string;
            signerKid: string;
            receivedAt?: (google.protobuf.Timestamp.$Properties|null);
            ingressSeq: number;
            withdrawnSubjectPseudonym: string;
            confidentialAddress: boolean;
            hasReporter: boolean;
            static create(properties: samenhang.v1.VerifiedSignal.$Shape): samenhang.v1.VerifiedSignal & samenhang.v1.VerifiedSignal.$Shape;
            static create(properties?: samenhang.v1.VerifiedSignal.$Properties): samenhang.v1.VerifiedSignal;
            static encode(m: samenhang.v1.VerifiedSignal.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.VerifiedSignal & samenhang.v1.VerifiedSignal.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VerifiedSignal {
            interface $Properties {
                signalId?: (string|null);
                agencyId?: (string|null);
                agencyKind?: (string|null);
                region?: (string|null);
                subjectPseudonym?: (string|null);
                relatedPersons?: (samenhang.v1.PseudonymousPerson.$Properties[]|null);
                householdKey?: (string|null);
                category?: (samenhang.v1.Category|null);
                severity?: (samenhang.v1.Severity|null);
                legalGround?: (samenhang.v1.LegalGround|null);
                meldcodeDecision?: (boolean|null);
                observedAt?: (google.protobuf.Timestamp.$Properties|null);
                expiresAt?: (google.protobuf.Timestamp.$Properties|null);
                withdrawsSignalId?: (string|null);
                vaultRef?: (string|null);
                envelopeSha256?: (string|null);
                signerKid?: (string|null);
                receivedAt?: (google.protobuf.Timestamp.$Properties|null);
                ingressSeq?: (number|null);
                withdrawnSubjectPseudonym?: (string|null);
                confidentialAddress?: (boolean|null);
                hasReporter?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.VerifiedSignal.$Properties;
        }

        interface IVerifiedConsent extends samenhang.v1.VerifiedConsent.$Properties {
        }

        class VerifiedConsent {
            constructor(p?: samenhang.v1.VerifiedConsent.$Properties);
            $unknowns?: Uint8Array[];
            consentId: string;
            agencyId: string;
            subjectPseudonym: string;
            purpose: samenhang.v1.Purpose;
            scope: string[];
            status: samenhang.v1.ConsentStatus;
            recordedAt?: (google.protobuf.Timestamp.$Properties|null);
            envelopeSha256: string;
            receivedAt?: (google.protobuf.Timestamp.$Properties|null);
            ingressSeq: number;
            static create(properties: samenhang.v1.VerifiedConsent.$Shape): samenhang.v1.VerifiedConsent & samenhang.v1.VerifiedConsent.$Shape;
            static create(properties?: samenhang.v1.VerifiedConsent.$Properties): samenhang.v1.VerifiedConsent;
            static encode(m: samenhang.v1.VerifiedConsent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.VerifiedConsent & samenhang.v1.VerifiedConsent.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VerifiedConsent {
            interface $Properties {
                consentId?: (string|null);
                agencyId?: (string|null);
                subjectPseudonym?: (string|null);
                purpose?: (samenhang.v1.Purpose|null);
                scope?: (string[]|null);
                status?: (samenhang.v1.ConsentStatus|null);
                recordedAt?: (google.protobuf.Timestamp.$Properties|null);
                envelopeSha256?: (string|null);
                receivedAt?: (google.protobuf.Timestamp.$Properties|null);
                ingressSeq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.VerifiedConsent.$Properties;
        }

        enum ReceiptStatus {
            RECEIPT_STATUS_UNSPECIFIED = 0,
            RECEIPT_STATUS_ACCEPTED = 1,
            RECEIPT_STATUS_DUPLICATE = 2,
            RECEIPT_STATUS_REJECTED = 3
        }

        interface IReceipt extends samenhang.v1.Receipt.$Properties {
        }

        class Receipt {
            constructor(p?: samenhang.v1.Receipt.$Properties);
            $unknowns?: Uint8Array[];
            signalId: string;
            agencyId: string;
            status: samenhang.v1.ReceiptStatus;
            code: string;
            reason: string;
            envelopeSha256: string;
            receivedAt?: (google.protobuf.Timestamp.$Properties|null);
            originalEnvelopeSha256: string;
            static create(properties: samenhang.v1.Receipt.$Shape): samenhang.v1.Receipt & samenhang.v1.Receipt.$Shape;
            static create(properties?: samenhang.v1.Receipt.$Properties): samenhang.v1.Receipt;
            static encode(m: samenhang.v1.Receipt.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): samenhang.v1.Receipt & samenhang.v1.Receipt.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Receipt {
            interface $Properties {
                signalId?: (string|null);
                agencyId?: (string|null);
                status?: (samenhang.v1.ReceiptStatus|null);
                code?: (string|null);
                reason?: (string|null);
                envelopeSha256?: (string|null);
                receivedAt?: (google.protobuf.Timestamp.$Properties|null);
                originalEnvelopeSha256?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = samenhang.v1.Receipt.$Properties;
        }
    }
}

export namespace google {

    namespace protobuf {

        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        class Timestamp {
            constructor(p?: google.protobuf.Timestamp.$Properties);
            $unknowns?: Uint8Array[];
            seconds: number;
            nanos: number;
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
            static encode(m: google.protobuf.Timestamp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Timestamp {
            interface $Properties {
                seconds?: (number|null);
                nanos?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Timestamp.$Properties;
        }
    }
}
