import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a,b,c}from"./chunk-UBQGYQ43.js";import"./chunk-ZEPNVWIN.js";import"./chunk-JWLWP3RY.js";import"./chunk-BZTU7FA4.js";export{c as credentialsTreatedAsExpired,b as credentialsWillNeedRefresh,a as defaultProvider};
