#pragma once
/* SwiftPM drops the -D flags of `pkg-config --cflags xmlsec1-openssl`; restate them here, before any
   xmlsec header. XMLSEC_NO_SIZE_T matters most: Debian's library is built with xmlSecSize = unsigned int,
   and without it the headers would say size_t and every struct after an xmlSecSize field would be misread. */
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_OPENSSL3_ENGINES 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define __XMLSEC_FUNCTION__ __func__

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers clash with Foundation's bundled ICU. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/templates.h>
#include <xmlsec/keys.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/transforms.h>
#include <xmlsec/errors.h>
#include <xmlsec/base64.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>

#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bn.h>
#include <openssl/bio.h>
#include <openssl/provider.h>

#include <stddef.h>

/* The xmlSec…Id macros are calls Swift cannot see; these name the transforms Folio uses. */
static inline xmlSecTransformId folio_xmlsec_inclusive_c14n(void) { return xmlSecTransformInclC14NGetKlass(); }
static inline xmlSecTransformId folio_xmlsec_exclusive_c14n(void) { return xmlSecTransformExclC14NGetKlass(); }
static inline xmlSecTransformId folio_xmlsec_enveloped(void) { return xmlSecTransformEnvelopedGetKlass(); }
static inline xmlSecTransformId folio_xmlsec_sha256(void) { return xmlSecOpenSSLTransformSha256GetKlass(); }
static inline xmlSecTransformId folio_xmlsec_rsa_sha256(void) { return xmlSecOpenSSLTransformRsaSha256GetKlass(); }

/* xmlFree is a C global variable (a function pointer), which Swift 6 refuses to touch. */
static inline void folio_xmlsec_xml_free(void *p) { xmlFree(p); }

/* The struct layout Swift sees must be the library's: with the wrong xmlSecSize these would differ. */
static inline size_t folio_xmlsec_size_of_size(void) { return sizeof(xmlSecSize); }
static inline size_t folio_xmlsec_size_of_dsig_ctx(void) { return sizeof(xmlSecDSigCtx); }

/* RFC 2253 names with UTF-8 kept as UTF-8 (OpenSSL's RFC 2253 flags escape every byte above 0x7F). */
static inline unsigned long folio_name_flags_rfc2253_utf8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }

/* Variadic / macro OpenSSL calls. */
static inline int folio_bio_pending(BIO *b) { return (int)BIO_ctrl_pending(b); }
static inline void folio_openssl_free(void *p) { OPENSSL_free(p); }
static inline int folio_sk_x509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *folio_sk_x509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline void folio_sk_x509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline STACK_OF(X509) *folio_sk_x509_new(void) { return sk_X509_new_null(); }
static inline int folio_sk_x509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
