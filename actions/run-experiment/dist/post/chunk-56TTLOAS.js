import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a,b,c}from"./chunk-OWY5UUZU.js";import"./chunk-EJYTVKPN.js";import"./chunk-3AVQRZXU.js";import"./chunk-BZTU7FA4.js";export{c as credentialsTreatedAsExpired,b as credentialsWillNeedRefresh,a as defaultProvider};
