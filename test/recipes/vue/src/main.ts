import { createApp } from 'vue';
import Attribution from './Attribution.vue';

createApp(Attribution).mount('#app');
