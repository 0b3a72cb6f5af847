import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AttributionComponent } from './attribution.component';

bootstrapApplication(AttributionComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
